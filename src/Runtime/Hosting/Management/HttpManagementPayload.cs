namespace Serverless.Runtime.Hosting.Management;

/// <summary>
/// The links for managing one instance, as Durable Functions' <c>CreateCheckStatusResponse</c> returns them.
/// <c>{eventName}</c> and <c>{text}</c> are placeholders for the caller to fill in.
/// </summary>
public sealed record HttpManagementPayload(
    string Id,
    string StatusQueryGetUri,
    string SendEventPostUri,
    string TerminatePostUri,
    string PurgeHistoryDeleteUri,
    string RestartPostUri,
    string SuspendPostUri,
    string ResumePostUri);
