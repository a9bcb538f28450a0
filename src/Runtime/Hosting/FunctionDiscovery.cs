using System.Reflection;


namespace Serverless.Runtime.Hosting;

/// <summary>Finds the [Function] methods of an app, each with exactly one trigger parameter, as the Functions host does.</summary>
public static class FunctionDiscovery
{
    private const BindingFlags AllMethods = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;

    /// <summary>Every function in the assemblies; throws one <see cref="InvalidOperationException"/> listing every mistake found.</summary>
    public static IReadOnlyList<FunctionDefinition> Discover(params Assembly[] assemblies) =>
        Discover(assemblies.SelectMany(a => a.GetTypes()));

    /// <summary>Every function declared by the types.</summary>
    public static IReadOnlyList<FunctionDefinition> Discover(IEnumerable<Type> types)
    {
        var functions = new List<FunctionDefinition>();
        var errors = new List<string>();
        foreach (var type in types)
            foreach (var method in type.GetMethods(AllMethods))
            {
                if (method.GetCustomAttribute<FunctionAttribute>() is not { } function) continue;
                var triggers = method.GetParameters()
                    .Select(p => (Parameter: p, Trigger: TriggerOf(p)))
                    .Where(t => t.Trigger is not null)
                    .Select(t => (t.Parameter, t.Trigger!.Value.Kind, t.Trigger.Value.Attribute))
                    .ToList();
                if (triggers.Count != 1)
                {
                    errors.Add($"Function '{function.Name}' ({type.FullName}.{method.Name}) must have exactly one trigger parameter; it has {triggers.Count}.");
                    continue;
                }
                var (parameter, kind, attribute) = triggers[0];
                functions.Add(new FunctionDefinition(function.Name, kind, method, parameter, attribute));
            }
        foreach (var duplicate in functions.GroupBy(f => f.Name, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1))
            errors.Add($"Function name '{duplicate.Key}' is used by more than one method: {string.Join(", ", duplicate.Select(f => f.DisplayMethod))}.");
        if (errors.Count > 0) throw new InvalidOperationException("The function app has errors:" + Environment.NewLine + string.Join(Environment.NewLine, errors));
        return [.. functions.OrderBy(f => f.Name, StringComparer.OrdinalIgnoreCase)];
    }

    private static (FunctionTriggerKind Kind, Attribute Attribute)? TriggerOf(ParameterInfo parameter)
    {
        foreach (var attribute in parameter.GetCustomAttributes())
        {
            switch (attribute)
            {
                case HttpTriggerAttribute: return (FunctionTriggerKind.Http, attribute);
                case TimerTriggerAttribute: return (FunctionTriggerKind.Timer, attribute);
                case OrchestrationTriggerAttribute: return (FunctionTriggerKind.Orchestration, attribute);
                case ActivityTriggerAttribute: return (FunctionTriggerKind.Activity, attribute);
            }
        }
        return null;
    }
}
