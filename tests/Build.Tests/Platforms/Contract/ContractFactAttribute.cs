using System.Reflection;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace BuildTests.Platforms.Contract;

/// <summary>
/// A fact of <see cref="PlatformContract"/>, written once on the abstract class. An attribute on a base method cannot
/// know which platform's subclass runs it, so its skip reason is decided per subclass: the services the subclass
/// needs (<see cref="ContractNeedsAttribute"/>: skipped locally without them, failing on CI, exactly as the attribute
/// named there decides).
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
[XunitTestCaseDiscoverer("BuildTests.Platforms.Contract.ContractFactDiscoverer", "Build.Tests")]
public sealed class ContractFactAttribute : FactAttribute;

/// <summary>The services a platform's contract needs, named by the fact attribute its other tests use (LocalPlatformFact, MotoFact).</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class ContractNeedsAttribute(Type factAttribute) : Attribute
{
    public Type FactAttribute { get; } = factAttribute;
}

public sealed class ContractFactDiscoverer(IMessageSink diagnosticMessageSink) : IXunitTestCaseDiscoverer
{
    public IEnumerable<IXunitTestCase> Discover(ITestFrameworkDiscoveryOptions discoveryOptions, ITestMethod testMethod, IAttributeInfo factAttribute) =>
        [new ContractTestCase(diagnosticMessageSink, discoveryOptions.MethodDisplayOrDefault(), discoveryOptions.MethodDisplayOptionsOrDefault(), testMethod)];
}

/// <summary>A contract fact on one platform's subclass; the skip reason is read from that subclass (again after deserialization).</summary>
public sealed class ContractTestCase : XunitTestCase
{
    [Obsolete("Called by the de-serializer; should only be called by deriving classes for de-serialization purposes")]
    public ContractTestCase()
    {
    }

    public ContractTestCase(IMessageSink diagnosticMessageSink, TestMethodDisplay methodDisplay, TestMethodDisplayOptions methodDisplayOptions, ITestMethod testMethod)
        : base(diagnosticMessageSink, methodDisplay, methodDisplayOptions, testMethod)
    {
    }

    protected override string GetSkipReason(IAttributeInfo factAttribute) =>
        ReasonToSkip(TestMethod.TestClass.Class.ToRuntimeType()) ?? base.GetSkipReason(factAttribute);

    /// <summary>Why the fact does not run on the platform of <paramref name="contract"/>, or null when it runs.</summary>
    public static string? ReasonToSkip(Type contract) =>
        contract.GetCustomAttribute<ContractNeedsAttribute>() is { } needs
            ? ((FactAttribute)Activator.CreateInstance(needs.FactAttribute)!).Skip
            : null;
}
