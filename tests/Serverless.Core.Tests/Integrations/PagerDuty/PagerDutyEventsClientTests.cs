using System.Net;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Serverless.Core.Integrations.PagerDuty;
using Serverless.Core.Tests.Integrations.GitHub.Support;
using Serverless.Testing.PagerDuty;

namespace Serverless.Core.Tests.Integrations.PagerDuty;

public sealed class PagerDutyEventsClientTests : IAsyncLifetime
{
    private readonly HttpClient _http = new();
    private readonly RecordingLogger<PagerDutyEventsClient> _logger = new();
    private FakePagerDuty _pagerDuty = null!;

    public async Task InitializeAsync() => _pagerDuty = await FakePagerDuty.StartAsync();

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _pagerDuty.DisposeAsync();
    }

    private PagerDutyEventsClient Client(string? routingKey = null) =>
        new(_http, new PagerDutyOptions { ApiUrl = _pagerDuty.BaseUrl, RoutingKey = routingKey ?? FakePagerDuty.ValidRoutingKey }, _logger);

    [Fact]
    public async Task A_trigger_and_its_resolve_are_accepted_with_the_same_dedup_key()
    {
        var triggered = await Client().SendAsync(PagerDutyEvent.Trigger("health/dev/web", "web is down in dev", "pipelines/dev/web"));
        var resolved = await Client().SendAsync(PagerDutyEvent.Resolve("health/dev/web"));

        Assert.Equal(("success", "Event processed", "health/dev/web"), (triggered!.Status, triggered.Message, triggered.DedupKey));
        Assert.Equal("health/dev/web", resolved!.DedupKey);
        var trigger = Assert.Single(_pagerDuty.Triggers);
        Assert.Equal(("critical", "pipelines/dev/web", "web is down in dev"), (trigger.Severity, trigger.Source, trigger.Summary));
        Assert.Single(_pagerDuty.Resolves);
        Assert.All(_pagerDuty.Requests, r => Assert.Equal(202, r.StatusCode));
    }

    [Fact]
    public async Task Severity_component_and_details_are_sent_as_pagerduty_names_them()
    {
        await Client().SendAsync(new PagerDutyEvent
        {
            Action = PagerDutyEventAction.Trigger,
            DedupKey = "k",
            Summary = new string('s', 2000),
            Source = "src",
            Severity = PagerDutySeverity.Warning,
            Component = "web",
            CustomDetails = new Dictionary<string, string> { ["status"] = "503" },
        });

        var sent = Assert.Single(_pagerDuty.Events);
        Assert.Equal("warning", sent.Severity);
        Assert.Equal(1024, sent.Summary!.Length);
        Assert.Equal("web", sent.Raw.GetProperty("payload").GetProperty("component").GetString());
        Assert.Equal("503", sent.Raw.GetProperty("payload").GetProperty("custom_details").GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_bad_routing_key_is_a_typed_400_with_pagerdutys_errors_and_the_key_is_never_logged()
    {
        const string badKey = "too-short-secret-key";

        var error = await Assert.ThrowsAsync<PagerDutyException>(() => Client(badKey).SendAsync(PagerDutyEvent.Resolve("k")));

        Assert.Equal(HttpStatusCode.BadRequest, error.StatusCode);
        Assert.Contains(error.Errors, e => e.Contains("routing_key"));
        Assert.DoesNotContain(badKey, error.Message);
        Assert.DoesNotContain(badKey, _logger.AllText);
        Assert.Empty(_pagerDuty.Events);
    }

    [Fact]
    public async Task Without_a_routing_key_nothing_is_sent()
    {
        var client = new PagerDutyEventsClient(_http, new PagerDutyOptions { ApiUrl = _pagerDuty.BaseUrl }, _logger);

        Assert.False(client.IsConfigured);
        Assert.Null(await client.SendAsync(PagerDutyEvent.Trigger("k", "s", "src")));
        Assert.Empty(_pagerDuty.Requests);
        Assert.Contains("5303", _logger.AllText);
    }

    [Fact]
    public async Task A_trigger_without_a_summary_is_refused_before_sending()
    {
        var alert = new PagerDutyEvent { Action = PagerDutyEventAction.Trigger, DedupKey = "k", Source = "s" };

        await Assert.ThrowsAsync<ArgumentException>(() => Client().SendAsync(alert));
        Assert.Empty(_pagerDuty.Requests);
    }

    [Fact]
    public async Task Registration_reads_the_url_and_key_from_configuration()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            [PagerDutyOptions.ApiUrlSetting] = _pagerDuty.BaseUrl.ToString().TrimEnd('/'),
            [PagerDutyOptions.RoutingKeySetting] = FakePagerDuty.ValidRoutingKey,
        }).Build();
        var services = new ServiceCollection().AddSingleton<IConfiguration>(configuration).AddLogging();
        services.AddPagerDutyClient();
        await using var provider = services.BuildServiceProvider();

        var client = provider.GetRequiredService<IPagerDutyClient>();
        await client.SendAsync(PagerDutyEvent.Trigger("k", "s", "src", PagerDutySeverity.Error));

        Assert.Equal("error", Assert.Single(_pagerDuty.Events).Severity);
    }

    [Fact]
    public void The_default_url_is_pagerdutys()
    {
        var options = PagerDutyServiceCollectionExtensions.Read(new ConfigurationBuilder().Build());

        Assert.Equal(new Uri("https://events.pagerduty.com/"), options.ApiUrl);
        Assert.Null(options.RoutingKey);
    }
}
