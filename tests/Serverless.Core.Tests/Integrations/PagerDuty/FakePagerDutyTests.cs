using System.Net.Http.Json;
using System.Text;
using Serverless.Testing.PagerDuty;

namespace Serverless.Core.Tests.Integrations.PagerDuty;

public sealed class FakePagerDutyTests : IAsyncLifetime
{
    private readonly HttpClient _http = new();
    private FakePagerDuty _pagerDuty = null!;

    public async Task InitializeAsync() => _pagerDuty = await FakePagerDuty.StartAsync();

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _pagerDuty.DisposeAsync();
    }

    public static TheoryData<string, string> Invalid => new()
    {
        { "not json", "Invalid JSON" },
        { "[]", "not a JSON object" },
        { $$$"""{"routing_key":"{{{FakePagerDuty.ValidRoutingKey}}}","event_action":"explode"}""", "event_action" },
        { $$$"""{"routing_key":"{{{FakePagerDuty.ValidRoutingKey}}}","event_action":"resolve"}""", "dedup_key" },
        { $$$"""{"routing_key":"{{{FakePagerDuty.ValidRoutingKey}}}","event_action":"trigger"}""", "payload" },
        { $$$"""{"routing_key":"{{{FakePagerDuty.ValidRoutingKey}}}","event_action":"trigger","payload":{"summary":"s","source":"x","severity":"bad"}}""", "severity" },
        { $$$"""{"routing_key":"{{{FakePagerDuty.ValidRoutingKey}}}","event_action":"trigger","payload":{"severity":"info","source":"x"}}""", "summary" },
        { """{"routing_key":"short","event_action":"resolve","dedup_key":"k"}""", "routing_key" },
    };

    [Theory]
    [MemberData(nameof(Invalid))]
    public async Task Invalid_events_are_400_with_the_reason(string body, string reason)
    {
        using var response = await _http.PostAsync(new Uri(_pagerDuty.BaseUrl, "v2/enqueue"), new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(400, (int)response.StatusCode);
        var answer = await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>();
        Assert.Equal("invalid event", answer.GetProperty("status").GetString());
        Assert.Contains(reason, answer.GetProperty("errors").ToString());
        Assert.Empty(_pagerDuty.Events);
    }

    [Fact]
    public async Task A_trigger_without_a_dedup_key_gets_one()
    {
        var body = $$$"""{"routing_key":"{{{FakePagerDuty.ValidRoutingKey}}}","event_action":"trigger","payload":{"summary":"s","source":"x","severity":"info"}}""";

        using var response = await _http.PostAsync(new Uri(_pagerDuty.BaseUrl, "v2/enqueue"), new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(202, (int)response.StatusCode);
        var answer = await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>();
        Assert.Equal(Assert.Single(_pagerDuty.Events).DedupKey, answer.GetProperty("dedup_key").GetString());
    }
}
