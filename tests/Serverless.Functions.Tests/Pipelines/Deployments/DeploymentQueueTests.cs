using Serverless.Functions.Pipelines.Deployments;

namespace Serverless.Functions.Tests.Pipelines.Deployments;

/// <summary>
/// The queue's pure decision, one row per situation: runs A, B, C were pushed in that order, and at most one deploys
/// to an environment at a time. In a state "A" holds the slot, "B?" waits and "!A" is the newest run ever granted it;
/// notices read "run:decision".
/// </summary>
public sealed class DeploymentQueueTests
{
    private static readonly DateTimeOffset Pushed = new(2026, 11, 22, 9, 0, 0, TimeSpan.Zero);

    public static TheoryData<string, string, string, string, string> Cases => new()
    {
        // situation, state before, message, state after, notices
        { "the first request is granted", "", "request A", "A !A", "A:granted" },
        { "a request while another deploys waits", "A !A", "request B", "A B? !A", "" },
        { "a newer request supersedes the older waiting one", "A B? !A", "request C", "A C? !A", "B:superseded" },
        { "a request older than the waiting one is refused", "A C? !A", "request B", "A C? !A", "B:superseded" },
        { "a request older than the deploying one is refused", "C !C", "request B", "C !C", "B:superseded" },
        { "a request older than the last deployed one is refused", "!C", "request B", "!C", "B:superseded" },
        { "a request newer than the last deployed one is granted", "!B", "request C", "C !C", "C:granted" },
        { "a release grants the slot to the waiting run", "A B? !A", "release A", "B !B", "B:granted" },
        { "a release with nobody waiting frees the slot", "A !A", "release A", "!A", "" },
        { "a waiting run that gives up leaves the queue", "A B? !A", "release B", "A !A", "" },
        { "the holder asking again changes nothing", "A !A", "request A", "A !A", "" },
        { "the waiting run asking again changes nothing", "A B? !A", "request B", "A B? !A", "" },
        { "a release by a run the queue does not know changes nothing", "A B? !A", "release C", "A B? !A", "" },
        { "a release on an empty queue changes nothing", "", "release A", "", "" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Apply(string situation, string before, string message, string after, string notices)
    {
        var (next, sent) = DeploymentQueue.Apply(State(before), Message(message));

        Assert.True(Describe(next) == after, $"{situation}: expected state '{after}', got '{Describe(next)}'");
        Assert.True(string.Join(" ", sent.Select(n => $"{n.RunId}:{n.Decision}")) == notices, $"{situation}: notices were '{string.Join(" ", sent)}'");
    }

    [Fact]
    public void A_run_that_reaches_deployment_after_a_newer_one_deployed_never_deploys_over_it()
    {
        var state = new QueueState();
        var notices = new List<string>();
        foreach (var message in new[] { "request B", "request A", "release B" })
        {
            (state, var sent) = DeploymentQueue.Apply(state, Message(message));
            notices.AddRange(sent.Select(n => $"{n.RunId}:{n.Decision}"));
        }

        Assert.Equal(["B:granted", "A:superseded"], notices);
        Assert.Equal("!B", Describe(state));
    }

    private static QueueMessage Message(string text) => text.Split(' ') switch
    {
        ["request", var run] => Request(run),
        ["release", var run] => Request(run) with { Kind = QueueMessageKind.Release },
        _ => throw new ArgumentException(text),
    };

    private static QueueMessage Request(string run) =>
        new(QueueMessageKind.Request, run, Pushed.AddMinutes(run[0] - 'A'));

    private static QueueState State(string text)
    {
        var parts = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        QueueMessage? Find(Func<string, bool> kind) => parts.FirstOrDefault(kind) is { } part ? Request(part.Trim('?', '!')) : null;
        return new QueueState
        {
            Holder = Find(p => !p.EndsWith('?') && !p.StartsWith('!')),
            Waiting = Find(p => p.EndsWith('?')),
            LastGranted = Find(p => p.StartsWith('!')),
        };
    }

    private static string Describe(QueueState state)
    {
        var parts = new List<string>();
        if (state.Holder is { } holder) parts.Add(holder.RunId);
        if (state.Waiting is { } waiting) parts.Add(waiting.RunId + "?");
        if (state.LastGranted is { } last) parts.Add("!" + last.RunId);
        return string.Join(" ", parts);
    }
}
