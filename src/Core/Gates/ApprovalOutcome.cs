using System.Text.Json.Serialization;

namespace Serverless.Core.Gates;

/// <summary>Where an approval gate stands; every value but <see cref="Pending"/> is final.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ApprovalOutcome>))]
public enum ApprovalOutcome
{
    Pending,
    Approved,
    Rejected,
    Expired,
    /// <summary>The run the gate belonged to ended (it was terminated or purged) before the gate closed.</summary>
    Withdrawn,
}

/// <summary>What one person decided.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ApprovalChoice>))]
public enum ApprovalChoice
{
    Approve,
    Reject,
}
