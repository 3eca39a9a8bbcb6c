using Xunit;

namespace TestSupport;

/// <summary>A fact that needs the external service whose address is in the environment variable named by the first argument.</summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public class ServiceFactAttribute : FactAttribute
{
    public ServiceFactAttribute(string variable, string service)
    {
        Variable = variable;
        Service = service;
        Skip = ServiceRequirement.SkipReason(variable, service);
    }

    public string Variable { get; }

    public string Service { get; }
}
