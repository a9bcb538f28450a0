using System.Text.RegularExpressions;
using Serverless.Runtime.Hosting.Timers;

namespace Serverless.Runtime.Hosting.CustomHandler;

/// <summary>What the Functions host would refuse in a generated layout, found before anything is written.</summary>
internal static partial class FunctionAppLayoutRules
{
    /// <summary>Every problem with the functions the Functions host would trigger; empty when there is none.</summary>
    public static IReadOnlyList<string> Check(IEnumerable<FunctionDefinition> functions)
    {
        var errors = new List<string>();
        foreach (var function in functions.Where(f => FunctionJson.For(f) is not null))
        {
            if (!FunctionName().IsMatch(function.Name))
                errors.Add($"Function '{function.Name}' ({function.DisplayMethod}): Azure Functions names are letters, digits, '_' and '-', start with a letter, are at most 128 long, and are not 'host'.");
            var binding = FunctionJson.TriggerBindingName(function);
            if (!BindingName().IsMatch(binding))
                errors.Add($"Function '{function.Name}' ({function.DisplayMethod}): its trigger parameter '{binding}' becomes the binding name in function.json, which must be letters and digits starting with a letter; rename the parameter.");
            if (function.Trigger is TimerTriggerAttribute timer && !timer.Schedule.Contains('%')
                && !TimerSchedule.TryParse(timer.Schedule, null, out _, out var scheduleError))
                errors.Add($"Function '{function.Name}' ({function.DisplayMethod}): {scheduleError}");
        }
        return errors;
    }

    [GeneratedRegex(@"^[a-z][a-z0-9_\-]{0,127}$(?<!^host$)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex FunctionName();

    [GeneratedRegex(@"^[a-z][a-z0-9]{0,127}$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex BindingName();
}
