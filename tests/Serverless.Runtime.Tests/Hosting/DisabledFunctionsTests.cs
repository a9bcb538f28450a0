using Microsoft.Extensions.Configuration;
using Serverless.Runtime.Hosting;

namespace Serverless.Runtime.Tests.Hosting;

public sealed class DisabledFunctionsTests
{
    private static readonly IReadOnlyList<FunctionDefinition> Functions = FunctionDiscovery.Discover([typeof(SampleFunctions)]);

    private static IConfiguration Settings(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value))).Build();

    [Fact]
    public void Http_functions_are_disabled_by_either_form_of_the_setting_and_others_stay_enabled()
    {
        var disabled = DisabledFunctions.Read(Settings(("AzureWebJobs.Echo.Disabled", "true"), ("AzureWebJobs:WhoAmI:Disabled", " 1 "), ("AzureWebJobs.Open.Disabled", "false")), Functions);

        Assert.Equal(["Echo", "WhoAmI"], disabled.Names.Order(StringComparer.Ordinal));
        Assert.Empty(disabled.UnknownSettings);
    }

    [Fact]
    public void Every_unusable_setting_is_named_at_once_and_orchestrators_and_activities_cannot_be_disabled()
    {
        var error = Assert.Throws<InvalidOperationException>(() => DisabledFunctions.Read(
            Settings(("AzureWebJobs.Echo.Disabled", "maybe"), ("AzureWebJobs.GreetingOrchestrator.Disabled", "true"), ("AzureWebJobs.Greet.Disabled", "1")), Functions));

        Assert.Contains("AzureWebJobs.Echo.Disabled: 'maybe' is not true, false, 1 or 0.", error.Message);
        Assert.Contains("AzureWebJobs.GreetingOrchestrator.Disabled: GreetingOrchestrator is an orchestrator; only HTTP and timer functions can be disabled", error.Message);
        Assert.Contains("AzureWebJobs.Greet.Disabled: Greet is an activity;", error.Message);
    }

    [Fact]
    public void A_setting_naming_no_function_is_reported_not_applied()
    {
        var disabled = DisabledFunctions.Read(Settings(("AzureWebJobs.Ehco.Disabled", "true"), ("AzureWebJobs:Gone:Disabled", "true"), ("AzureWebJobs.Echo.Disabled", "false")), Functions);

        Assert.Empty(disabled.Names);
        Assert.Equal(["AzureWebJobs.Ehco.Disabled", "AzureWebJobs:Gone:Disabled"], disabled.UnknownSettings);
    }

    [Fact]
    public void The_source_that_wins_decides_whichever_spelling_it_uses()
    {
        static IConfiguration Layered(string lower, string lowerValue, string upper, string upperValue) => new ConfigurationBuilder()
            .AddInMemoryCollection([new(lower, lowerValue)])   // e.g. local.settings.json
            .AddInMemoryCollection([new(upper, upperValue)])   // e.g. the environment
            .Build();

        Assert.Contains("Echo", DisabledFunctions.Read(Layered("AzureWebJobs.Echo.Disabled", "false", "AzureWebJobs:Echo:Disabled", "true"), Functions).Names);
        Assert.Empty(DisabledFunctions.Read(Layered("AzureWebJobs:Echo:Disabled", "true", "AzureWebJobs.Echo.Disabled", "false"), Functions).Names);
    }
}
