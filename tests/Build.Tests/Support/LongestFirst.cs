using Xunit.Abstractions;

[assembly: TestCollectionOrderer("BuildTests.LongestFirst", "Build.Tests")]

namespace BuildTests;

/// <summary>
/// Orders the test collections for the parallel run: the classes marked <see cref="RunsLongAttribute"/> first, the
/// longest first, then the rest as xunit orders them. Started last, one class of minutes would run on alone while
/// every other has finished.
/// </summary>
public sealed class LongestFirst : ITestCollectionOrderer
{
    // xunit names the collection it makes for a class without one "Test collection for <full class name>".
    private const string ClassCollectionPrefix = "Test collection for ";

    public IEnumerable<ITestCollection> OrderTestCollections(IEnumerable<ITestCollection> testCollections) =>
        testCollections.OrderByDescending(Seconds);

    private static int Seconds(ITestCollection collection) =>
        collection.DisplayName.StartsWith(ClassCollectionPrefix, StringComparison.Ordinal)
        && collection.TestAssembly.Assembly.GetType(collection.DisplayName[ClassCollectionPrefix.Length..]) is { } type
        && type.GetCustomAttributes(typeof(RunsLongAttribute)).FirstOrDefault() is { } runsLong
            ? runsLong.GetConstructorArguments().OfType<int>().Single()
            : 0;
}
