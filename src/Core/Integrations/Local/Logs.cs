using Microsoft.Extensions.Logging;
using Serverless.Core.Integrations.Local.Runner;

namespace Serverless.Core.Integrations.Local;

internal static partial class Logs
{
    [LoggerMessage(6101, LogLevel.Information, "Checked out {Repository} at {CommitSha} into {Workspace} ({Method})")]
    public static partial void CheckedOut(this ILogger logger, string repository, string commitSha, string workspace, CheckoutMethod method);

    [LoggerMessage(6102, LogLevel.Information, "{Repository} refused a shallow fetch of {CommitSha} ({GitError}); cloning it whole")]
    public static partial void ShallowFetchRefused(this ILogger logger, string repository, string commitSha, string gitError);

    [LoggerMessage(6103, LogLevel.Debug, "Step {LogName} started in {WorkingDirectory}")]
    public static partial void StepStarted(this ILogger logger, string logName, string workingDirectory);

    [LoggerMessage(6104, LogLevel.Information, "Step {LogName} ended with exit code {ExitCode} (timed out: {TimedOut}) after {Duration}")]
    public static partial void StepEnded(this ILogger logger, string logName, int exitCode, bool timedOut, TimeSpan duration);

    [LoggerMessage(6105, LogLevel.Debug, "Deleted workspace {Workspace}")]
    public static partial void WorkspaceDeleted(this ILogger logger, string workspace);

    [LoggerMessage(6301, LogLevel.Information, "Environment {Environment} serves on http://127.0.0.1:{Port}")]
    public static partial void RouterStarted(this ILogger logger, string environment, int port);

    [LoggerMessage(6302, LogLevel.Information, "Environment {Environment}: {Service} now routes to {Route}")]
    public static partial void RouteSet(this ILogger logger, string environment, string service, string route);

    [LoggerMessage(6201, LogLevel.Information, "{Environment}/{Service}: {Version} is live on internal port {Port}; {PreviousVersion} kept for rollback")]
    public static partial void VersionLive(this ILogger logger, string environment, string service, string version, int port, string? previousVersion);

    [LoggerMessage(6202, LogLevel.Information, "{Environment}/{Service}: {Version} runs as the candidate on internal port {Port}")]
    public static partial void VersionCandidate(this ILogger logger, string environment, string service, string version, int port);

    [LoggerMessage(6203, LogLevel.Warning, "{Environment}/{Service}: {Version} is unhealthy and was not given traffic: {Detail}")]
    public static partial void DeploymentUnhealthy(this ILogger logger, string environment, string service, string version, string detail);

    [LoggerMessage(6204, LogLevel.Information, "{Environment}/{Service}: rolled back from {FailedVersion} to {LiveVersion}")]
    public static partial void RolledBack(this ILogger logger, string environment, string service, string? failedVersion, string? liveVersion);

    [LoggerMessage(6205, LogLevel.Debug, "Stopped {Version} (internal port {Port}) and deleted its release folder")]
    public static partial void VersionRetired(this ILogger logger, string version, int port);

    [LoggerMessage(6206, LogLevel.Information, "{Environment}/{Service}: restored {LiveVersion} (other slot: {OtherVersion})")]
    public static partial void Restored(this ILogger logger, string environment, string service, string? liveVersion, string? otherVersion);

    [LoggerMessage(6207, LogLevel.Warning, "{Environment}/{Service} not restored: {Reason}")]
    public static partial void RestoreSkipped(this ILogger logger, string environment, string service, string reason);

    [LoggerMessage(6208, LogLevel.Warning, "Restored {Version} is not healthy: {Detail}")]
    public static partial void RestoredUnhealthy(this ILogger logger, string version, string detail);

    [LoggerMessage(6209, LogLevel.Information, "Ended {Version} (process group {ProcessGroupId}) left running by an earlier host")]
    public static partial void OrphanKilled(this ILogger logger, string version, int processGroupId);
}
