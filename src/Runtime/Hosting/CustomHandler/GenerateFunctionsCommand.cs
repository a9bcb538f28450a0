using System.Reflection;

namespace Serverless.Runtime.Hosting.CustomHandler;

/// <summary>
/// <c>generate-functions &lt;outputDir&gt; [--executable &lt;path&gt;]</c>: writes the Azure Functions app layout
/// (host.json and a function.json per HTTP and timer function) and exits; the web host does not start.
/// </summary>
public static class GenerateFunctionsCommand
{
    public const string Name = "generate-functions";
    public const int Succeeded = 0;
    public const int AppHasErrors = 1;
    public const int BadUsage = 2;

    private const string Usage =
        $"Usage: {Name} <outputDir> [--executable <path>]\n" +
        "  Writes host.json and <FunctionName>/function.json for running this app behind the Azure Functions host.\n" +
        "  --executable  what the Functions host starts (default: dotnet <App>.dll; give the app's own executable for a self-contained publish).";

    /// <summary>Runs the command when <paramref name="args"/> asks for it, for the entry assembly's functions.</summary>
    public static bool TryRun(string[] args, out int exitCode)
    {
        exitCode = Succeeded;
        if (args.Length == 0 || args[0] != Name) return false;
        var app = Assembly.GetEntryAssembly() ?? throw new InvalidOperationException("No entry assembly to discover functions in.");
        exitCode = Run(args[1..], app.GetTypes(), app.GetName().Name!, Path.Combine(AppContext.BaseDirectory, CustomHandlerHostJson.FileName), Console.Out, Console.Error);
        return true;
    }

    /// <summary>The command's work, given the arguments after its name.</summary>
    public static int Run(string[] args, IEnumerable<Type> functionTypes, string assemblyName, string appHostJsonPath, TextWriter output, TextWriter error)
    {
        if (!TryParse(args, out var outputDirectory, out var executablePath, out var usageError))
        {
            error.WriteLine(usageError);
            error.WriteLine(Usage);
            return BadUsage;
        }
        IReadOnlyList<FunctionDefinition> functions;
        try
        {
            functions = FunctionDiscovery.Discover(functionTypes);
        }
        catch (InvalidOperationException ex)
        {
            error.WriteLine(ex.Message);
            return AppHasErrors;
        }
        if (FunctionAppLayoutRules.Check(functions) is { Count: > 0 } errors)
        {
            error.WriteLine("Cannot generate the Azure Functions layout:");
            foreach (var problem in errors) error.WriteLine("  - " + problem);
            return AppHasErrors;
        }

        // dotnet run starts the app in the project folder, so a relative folder is shown resolved.
        outputDirectory = Path.GetFullPath(outputDirectory!);
        var executable = executablePath is null ? CustomHandlerExecutable.Dotnet(assemblyName) : new CustomHandlerExecutable(executablePath, []);
        var hostJson = CustomHandlerHostJson.Create(CustomHandlerHostJson.Load(appHostJsonPath), executable);
        var result = FunctionAppLayout.Write(outputDirectory, functions, hostJson);

        output.WriteLine($"Wrote {Path.Combine(outputDirectory, CustomHandlerHostJson.FileName)} (custom handler: {string.Join(' ', [executable.Path, .. executable.Arguments])})");
        foreach (var name in result.FunctionNames) output.WriteLine($"Wrote {Path.Combine(outputDirectory, name, FunctionJson.FileName)}");
        foreach (var name in result.RemovedFunctionNames) output.WriteLine($"Removed {Path.Combine(outputDirectory, name, FunctionJson.FileName)} (no such function any more)");
        return Succeeded;
    }

    private static bool TryParse(string[] args, out string? outputDirectory, out string? executable, out string? problem)
    {
        outputDirectory = null;
        executable = null;
        problem = null;
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == "--executable")
            {
                if (i + 1 >= args.Length || string.IsNullOrWhiteSpace(args[i + 1])) problem = "--executable needs a path.";
                else executable = args[++i];
            }
            else if (args[i].StartsWith('-')) problem = $"Unknown option '{args[i]}'.";
            else if (outputDirectory is null) outputDirectory = args[i];
            else problem = $"Unexpected argument '{args[i]}'.";
            if (problem is not null) return false;
        }
        if (outputDirectory is null) problem = "The output folder is missing.";
        return problem is null;
    }
}
