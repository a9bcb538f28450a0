using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Serverless.Runtime.Hosting;
using Serverless.Runtime.Hosting.CustomHandler;

namespace Serverless.Runtime.Tests.Hosting.CustomHandler;

public sealed class GenerateFunctionsCommandTests : IDisposable
{
    private const string AppHostJson = """
        {
          // our host reads these
          "version": "2.0",
          "logging": { "logLevel": { "default": "Information" } },
          "extensions": {
            "durableTask": { "hubName": "PipelinesHub", "maxConcurrentActivityFunctions": 7, "maxConcurrentOrchestratorFunctions": 3 },
          }
        }
        """;

    private readonly string _folder = Directory.CreateTempSubdirectory("generate-functions-").FullName;
    private readonly StringWriter _output = new();
    private readonly StringWriter _error = new();

    private string OutputFolder => Path.Combine(_folder, "app");
    private string AppHostJsonPath => Path.Combine(_folder, "host.json");

    public GenerateFunctionsCommandTests() => File.WriteAllText(AppHostJsonPath, AppHostJson);

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private int Generate(Type[] types, params string[] args) =>
        GenerateFunctionsCommand.Run(args.Length == 0 ? [OutputFolder] : args, types, "Serverless.Functions", AppHostJsonPath, _output, _error);

    private JsonNode Read(params string[] path) => JsonNode.Parse(File.ReadAllText(Path.Combine([OutputFolder, .. path])))!;

    private static void AssertJson(string expected, JsonNode actual) =>
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(expected), actual), $"Expected {expected}{Environment.NewLine}but was {actual.ToJsonString()}");

    public static TheoryData<string, string> SampleFunctionJson => new()
    {
        { "Echo", """{"bindings":[{"name":"request","type":"httpTrigger","direction":"in","authLevel":"function","methods":["get"],"route":"echo/{name}/{times:int}"},{"name":"$return","type":"http","direction":"out"}]}""" },
        { "Open", """{"bindings":[{"name":"request","type":"httpTrigger","direction":"in","authLevel":"anonymous","methods":["get"]},{"name":"$return","type":"http","direction":"out"}]}""" },
        { "AdminOnly", """{"bindings":[{"name":"request","type":"httpTrigger","direction":"in","authLevel":"admin","methods":["post"],"route":"admin/reset"},{"name":"$return","type":"http","direction":"out"}]}""" },
        { "StartGreeting", """{"bindings":[{"name":"request","type":"httpTrigger","direction":"in","authLevel":"anonymous","methods":["post"],"route":"greetings/{name}"},{"name":"$return","type":"http","direction":"out"}]}""" },
        { "Ping", """{"bindings":[{"name":"req","type":"httpTrigger","direction":"in","authLevel":"anonymous"},{"name":"$return","type":"http","direction":"out"}]}""" },
        { "Secret", """{"bindings":[{"name":"req","type":"httpTrigger","direction":"in","authLevel":"admin","methods":["post","put"],"route":"secret/{id}"},{"name":"$return","type":"http","direction":"out"}]}""" },
        { "Nightly", """{"bindings":[{"name":"timer","type":"timerTrigger","direction":"in","schedule":"0 30 2 * * *","runOnStartup":false,"useMonitor":true}]}""" },
        { "EverySecond", """{"bindings":[{"name":"myTimer","type":"timerTrigger","direction":"in","schedule":"* * * * * *","runOnStartup":true,"useMonitor":false}]}""" },
    };

    [Theory]
    [MemberData(nameof(SampleFunctionJson))]
    public void Each_http_and_timer_function_gets_a_function_json_with_bindings_from_its_attributes(string function, string expected)
    {
        Assert.Equal(GenerateFunctionsCommand.Succeeded, Generate([typeof(SampleFunctions), typeof(CustomHandlerFunctions)]));

        AssertJson(expected, Read(function, "function.json"));
        Assert.Contains(Path.Combine(OutputFolder, function, "function.json"), _output.ToString());
    }

    [Fact]
    public void Orchestrations_and_activities_stay_inside_the_engine()
    {
        Generate([typeof(SampleFunctions), typeof(CustomHandlerFunctions)]);

        Assert.Equal(["AdminOnly", "Echo", "EverySecond", "Failing", "Nightly", "Open", "Ping", "Secret", "StartGreeting", "WhoAmI"],
            Directory.GetDirectories(OutputFolder).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData(AuthorizationLevel.Anonymous, "anonymous")]
    [InlineData(AuthorizationLevel.User, "function")]
    [InlineData(AuthorizationLevel.Function, "function")]
    [InlineData(AuthorizationLevel.System, "admin")]
    [InlineData(AuthorizationLevel.Admin, "admin")]
    public void Auth_levels_map_to_the_names_function_json_documents(AuthorizationLevel level, string name) =>
        Assert.Equal(name, FunctionJson.AuthLevelName(level));

    [Fact]
    public void Host_json_runs_the_app_as_a_custom_handler_and_keeps_the_settings_our_host_reads()
    {
        Generate([typeof(CustomHandlerFunctions)]);

        var hostJson = Read("host.json");
        AssertJson("""{"description":{"defaultExecutablePath":"dotnet","arguments":["Serverless.Functions.dll"]},"enableForwardingHttpRequest":true}""", hostJson["customHandler"]!);
        AssertJson("""{"hubName":"PipelinesHub","maxConcurrentActivityFunctions":7,"maxConcurrentOrchestratorFunctions":3}""", hostJson["extensions"]!["durableTask"]!);
        AssertJson("""{"routePrefix":"api"}""", hostJson["extensions"]!["http"]!);
        AssertJson("""{"logLevel":{"default":"Information"}}""", hostJson["logging"]!);
        Assert.Equal("2.0", (string?)hostJson["version"]);

        var configuration = new ConfigurationBuilder().AddJsonFile(Path.Combine(OutputFolder, "host.json")).Build();
        var options = FunctionsHostOptions.From(configuration, [], null);
        Assert.Equal("PipelinesHub", options.HubName);
        Assert.Equal(7, options.Engine.MaxConcurrentActivityFunctions);
        Assert.Equal(3, options.Engine.MaxConcurrentOrchestratorFunctions);
    }

    [Fact]
    public void A_self_contained_app_is_started_by_its_own_executable()
    {
        Assert.Equal(GenerateFunctionsCommand.Succeeded, Generate([typeof(CustomHandlerFunctions)], OutputFolder, "--executable", "Serverless.Functions"));

        AssertJson("""{"defaultExecutablePath":"Serverless.Functions","arguments":[]}""", Read("host.json")["customHandler"]!["description"]!);
    }

    [Fact]
    public void Without_an_app_host_json_a_minimal_one_is_written()
    {
        File.Delete(AppHostJsonPath);

        Generate([typeof(CustomHandlerFunctions)]);

        AssertJson("""
            {"version":"2.0","customHandler":{"description":{"defaultExecutablePath":"dotnet","arguments":["Serverless.Functions.dll"]},"enableForwardingHttpRequest":true},"extensions":{"http":{"routePrefix":"api"}}}
            """, Read("host.json"));
    }

    [Fact]
    public void A_function_json_of_a_function_the_app_no_longer_has_is_removed_and_other_files_are_left_alone()
    {
        Directory.CreateDirectory(Path.Combine(OutputFolder, "Retired"));
        File.WriteAllText(Path.Combine(OutputFolder, "Retired", "function.json"), "{}");
        Directory.CreateDirectory(Path.Combine(OutputFolder, "runtimes"));
        File.WriteAllText(Path.Combine(OutputFolder, "runtimes", "native.so"), "");

        Generate([typeof(CustomHandlerFunctions)]);

        Assert.False(Directory.Exists(Path.Combine(OutputFolder, "Retired")));
        Assert.True(File.Exists(Path.Combine(OutputFolder, "runtimes", "native.so")));
        Assert.Contains("Removed", _output.ToString());
    }

    [Fact]
    public void Names_and_schedules_the_functions_host_would_refuse_are_reported_together_and_nothing_is_written()
    {
        Assert.Equal(GenerateFunctionsCommand.AppHasErrors, Generate([typeof(RefusedFunctions)]));

        var errors = _error.ToString();
        Assert.Contains("Function 'Bad.Name'", errors);
        Assert.Contains("trigger parameter 'my_timer'", errors);
        Assert.Contains("Function 'Broken'", errors);
        Assert.Contains("'every day'", errors);
        Assert.DoesNotContain("FromSetting", errors);
        Assert.False(Directory.Exists(OutputFolder));
    }

    [Theory]
    [InlineData(new string[0], "output folder is missing")]
    [InlineData(new[] { "out", "--executable" }, "--executable needs a path")]
    [InlineData(new[] { "out", "--force" }, "Unknown option '--force'")]
    [InlineData(new[] { "out", "again" }, "Unexpected argument 'again'")]
    public void Bad_usage_is_explained(string[] args, string message)
    {
        var exitCode = GenerateFunctionsCommand.Run(args, [typeof(CustomHandlerFunctions)], "App", AppHostJsonPath, _output, _error);

        Assert.Equal(GenerateFunctionsCommand.BadUsage, exitCode);
        Assert.Contains(message, _error.ToString());
        Assert.Contains("Usage: generate-functions <outputDir>", _error.ToString());
    }

    [Fact]
    public void Other_arguments_start_the_host_as_before()
    {
        Assert.False(GenerateFunctionsCommand.TryRun(["--port", "7072"], out _));
        Assert.False(GenerateFunctionsCommand.TryRun([], out _));
    }

    private sealed class RefusedFunctions
    {
        [Function("Bad.Name")]
        public static string BadName([HttpTrigger(AuthorizationLevel.Anonymous, "get")] HttpRequest request) => "";

        [Function("Underscored")]
        public static void Underscored([TimerTrigger("0 0 * * * *")] TimerInfo my_timer)
        {
        }

        [Function("Broken")]
        public static void Broken([TimerTrigger("every day")] TimerInfo timer)
        {
        }

        [Function("FromSetting")]
        public static void FromSetting([TimerTrigger("%NIGHTLY_SCHEDULE%")] TimerInfo timer)
        {
        }
    }
}
