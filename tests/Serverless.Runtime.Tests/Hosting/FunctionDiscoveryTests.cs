using Microsoft.AspNetCore.Http;
using Serverless.Runtime.Durable;
using Serverless.Runtime.Hosting;

namespace Serverless.Runtime.Tests.Hosting;

public sealed class FunctionDiscoveryTests
{
    [Fact]
    public void Each_function_is_found_with_its_trigger()
    {
        var functions = FunctionDiscovery.Discover([typeof(SampleFunctions)]).ToDictionary(f => f.Name);

        Assert.Equal(FunctionTriggerKind.Http, functions["Echo"].Kind);
        Assert.Equal("/api/echo/{name}/{times:int}", HttpFunctionEndpoints.RouteOf(functions["Echo"]));
        Assert.Equal("/api/Open", HttpFunctionEndpoints.RouteOf(functions["Open"]));
        Assert.Equal(FunctionTriggerKind.Orchestration, functions["GreetingOrchestrator"].Kind);
        Assert.Equal(FunctionTriggerKind.Activity, functions["Greet"].Kind);
    }

    [Fact]
    public void Mistakes_in_the_function_app_are_reported_together_naming_each_method()
    {
        var error = Assert.Throws<InvalidOperationException>(() => FunctionDiscovery.Discover([typeof(BrokenFunctions)]));

        Assert.Contains("'NoTrigger'", error.Message);
        Assert.Contains("must have exactly one trigger parameter; it has 0", error.Message);
        Assert.Contains("'TwoTriggers'", error.Message);
        Assert.Contains("it has 2", error.Message);
        Assert.Contains("Function name 'Same' is used by more than one method", error.Message);
    }

    private static class BrokenFunctions
    {
        [Function("NoTrigger")]
        public static string NoTrigger(string input) => input;

        [Function("TwoTriggers")]
        public static string TwoTriggers([ActivityTrigger] string input, [HttpTrigger] HttpRequest request) => input;

        [Function("Same")]
        public static string First([ActivityTrigger] string input) => input;

        [Function("same")]
        public static string Second([ActivityTrigger] string input) => input;

        [Function("ValidOrchestrator")]
        public static Task<string> Valid([OrchestrationTrigger] TaskOrchestrationContext context) => Task.FromResult("ok");
    }
}
