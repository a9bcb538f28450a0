using Serverless.Core.Gates;

namespace Serverless.Core.Tests.Gates;

public sealed class ApprovalTeamsTests
{
    [Theory]
    [InlineData("release=alice,bob;ops=carol", "release", "alice", true)]
    [InlineData("release=alice,bob;ops=carol", "release", "Bob", true)]
    [InlineData("release=alice,bob;ops=carol", "ops", "alice", false)]
    [InlineData(" release = alice , bob ; ; ", "release", "bob", true)]
    [InlineData("release=alice", "unknown", "alice", false)]
    [InlineData("", "release", "alice", false)]
    [InlineData(null, "release", "alice", false)]
    public void Parses_teams_and_their_members(string? setting, string team, string user, bool member)
    {
        Assert.Equal(member, ApprovalTeams.Parse(setting).IsMember(user, team));
    }

    [Fact]
    public void A_part_without_equals_names_the_setting_and_the_part()
    {
        var error = Assert.Throws<FormatException>(() => ApprovalTeams.Parse("release=alice;ops"));

        Assert.Equal("PIPELINES_TEAMS: 'ops' is not written team=user,user", error.Message);
    }
}
