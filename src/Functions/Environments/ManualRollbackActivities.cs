using Serverless.Core.Integrations.Local.Target;
using Serverless.Core.Integrations.Slack;
using Serverless.Runtime.Hosting;

namespace Serverless.Functions.Environments;

public sealed record ManualRollbackAnnouncement(ManualRollbackInput Request, RollbackResult Result);

public sealed class ManualRollbackActivities(SlackChannel slack)
{
    /// <summary>Tells the team channel who rolled back what and why; nothing when nothing changed.</summary>
    [Function(nameof(AnnounceManualRollback))]
    public async Task<bool> AnnounceManualRollback([ActivityTrigger] ManualRollbackAnnouncement announcement, CancellationToken cancellationToken)
    {
        if (announcement.Result.Outcome == RollbackOutcome.NothingToRollBack) return false;
        return await slack.PostAsync(Text(announcement), cancellationToken);
    }

    public static string Text(ManualRollbackAnnouncement announcement)
    {
        var (request, result) = announcement;
        var reason = request.Reason is { Length: > 0 } why ? $" Reason: {why}" : "";
        var text = $"{request.RequestedBy} rolled back {request.Service} on {request.Environment}: {result.Message}{reason}";
        const string icon = ":rewind: ";
        return icon + SlackText.EscapeAndFit(text, SlackLimits.SectionText - icon.Length);
    }
}
