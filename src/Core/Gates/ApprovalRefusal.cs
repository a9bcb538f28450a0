namespace Serverless.Core.Gates;

/// <summary>Why a decision was not taken.</summary>
public enum ApprovalRefusal
{
    /// <summary>The person who pushed the change cannot approve it.</summary>
    OwnChange,

    /// <summary>Not among the policy's users or teams.</summary>
    NotAllowed,

    /// <summary>The gate has already closed; the state's outcome says how.</summary>
    Closed,

    /// <summary>This approver has already decided; a decision is not taken back or counted twice.</summary>
    AlreadyDecided,
}

/// <summary>The result of offering a decision to a gate: the new state, or why it was refused.</summary>
public sealed record ApprovalDecisionResult(ApprovalGateState State, ApprovalRefusal? Refusal, string Detail)
{
    public bool Accepted => Refusal is null;
}
