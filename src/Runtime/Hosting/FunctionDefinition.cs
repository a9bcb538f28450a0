using System.Reflection;

namespace Serverless.Runtime.Hosting;

public enum FunctionTriggerKind { Http, Timer, Orchestration, Activity }

/// <summary>One discovered function: its name, how it is triggered, and the method that implements it.</summary>
public sealed record FunctionDefinition(string Name, FunctionTriggerKind Kind, MethodInfo Method, ParameterInfo TriggerParameter, Attribute Trigger)
{
    public string DisplayMethod => $"{Method.DeclaringType?.FullName}.{Method.Name}";
}
