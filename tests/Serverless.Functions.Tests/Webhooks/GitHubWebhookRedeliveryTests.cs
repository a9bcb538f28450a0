using System.Net;
using Serverless.Functions.Runs;
using Serverless.Functions.Tests.Support;
using Serverless.Runtime.Durable;

namespace Serverless.Functions.Tests.Webhooks;

/// <summary>GitHub redelivers with the same X-GitHub-Delivery; the run it started is the answer, never a second run.</summary>
public sealed class GitHubWebhookRedeliveryTests(ConfiguredApp fixture) : IClassFixture<ConfiguredApp>
{
    private static readonly byte[] Push = WebhookCorpus.Read("push/with-new-branch.payload.json");
    private readonly FunctionsApp _app = fixture.App;

    [Fact]
    public async Task A_redelivery_answers_with_the_run_the_first_delivery_started()
    {
        var delivery = WebhookDeliveries.NewDeliveryId();

        var first = await _app.SendAsync(WebhookDeliveries.Signed("push", Push, delivery));
        var again = await _app.SendAsync(WebhookDeliveries.Signed("push", Push, delivery));

        Assert.Equal(HttpStatusCode.Accepted, first.Status);
        Assert.Equal(HttpStatusCode.OK, again.Status);
        Assert.Equal("redelivery", again.Text("action"));
        Assert.Equal(first.Text("runId"), again.Text("runId"));
        Assert.Equal(first.Body.GetProperty("links").GetProperty("run").GetString(), again.Body.GetProperty("links").GetProperty("run").GetString());
        Assert.Equal(1, await InstancesAsync(delivery));
    }

    [Fact]
    public async Task Simultaneous_copies_of_one_delivery_start_one_run()
    {
        var delivery = WebhookDeliveries.NewDeliveryId();

        var answers = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => _app.SendAsync(WebhookDeliveries.Signed("push", Push, delivery))));

        Assert.Single(answers, a => a.Status == HttpStatusCode.Accepted);
        Assert.All(answers.Where(a => a.Status != HttpStatusCode.Accepted), a => Assert.Equal("redelivery", a.Text("action")));
        Assert.All(answers, a => Assert.Equal(RunViews.InstanceIdFor(delivery), a.Text("runId")));
        Assert.Equal(1, await InstancesAsync(delivery));
    }

    private async Task<int> InstancesAsync(string delivery)
    {
        var page = await _app.Client.GetInstancesPageAsync(new OrchestrationQuery { InstanceIdPrefix = RunViews.InstanceIdFor(delivery) });
        return page.Instances.Count;
    }
}
