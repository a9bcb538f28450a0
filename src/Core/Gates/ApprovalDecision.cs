namespace Serverless.Core.Gates;

/// <summary>One decision as it was made, kept whether or not it changed the count.</summary>
public sealed record ApprovalDecision(string Approver, ApprovalChoice Choice, DateTimeOffset At, string? Comment = null);
