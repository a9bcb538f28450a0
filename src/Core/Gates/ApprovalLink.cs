namespace Serverless.Core.Gates;

/// <summary>What a signed approval link lets its holder do: one decision, by one approver, on one gate, until a time.</summary>
public sealed record ApprovalLink(string Approver, string RunId, string Environment, ApprovalChoice Choice, DateTimeOffset ExpiresAt);

public enum ApprovalTokenStatus
{
    Valid,
    Invalid,
    Expired,
}

/// <summary>The link is set only when the token is <see cref="ApprovalTokenStatus.Valid"/>.</summary>
public sealed record ApprovalTokenCheck(ApprovalTokenStatus Status, ApprovalLink? Link = null);
