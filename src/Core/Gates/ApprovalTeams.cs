namespace Serverless.Core.Gates;

/// <summary>Team membership from the <c>PIPELINES_TEAMS</c> setting, written <c>release=alice,bob;ops=carol</c>.</summary>
public sealed class ApprovalTeams
{
    public const string Setting = "PIPELINES_TEAMS";

    public static ApprovalTeams Empty { get; } = new(new Dictionary<string, IReadOnlySet<string>>());

    private readonly IReadOnlyDictionary<string, IReadOnlySet<string>> members;

    public ApprovalTeams(IReadOnlyDictionary<string, IReadOnlySet<string>> members) => this.members = members;

    /// <summary>Blank parts are skipped; a part without <c>=</c> is a format error naming the part.</summary>
    public static ApprovalTeams Parse(string? setting)
    {
        var teams = new Dictionary<string, IReadOnlySet<string>>(StringComparer.OrdinalIgnoreCase);
        foreach (var part in (setting ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var separator = part.IndexOf('=', StringComparison.Ordinal);
            if (separator <= 0)
            {
                throw new FormatException($"{Setting}: '{part}' is not written team=user,user");
            }
            var users = part[(separator + 1)..].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            teams[part[..separator].Trim()] = new HashSet<string>(users, StringComparer.OrdinalIgnoreCase);
        }
        return new ApprovalTeams(teams);
    }

    public IReadOnlySet<string> MembersOf(string team) =>
        members.TryGetValue(team, out var users) ? users : new HashSet<string>();

    public bool IsMember(string user, string team) => MembersOf(team).Contains(user);
}
