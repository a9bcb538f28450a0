using Serverless.Core.Pipelines;

namespace Serverless.Core.Tests.Pipelines;

public sealed class EnvironmentRoutingTests
{
    private static readonly PipelineDefinition Pipeline = PipelineYaml.Valid("""
        name: shop
        services:
          - name: api
            run: ./api
        environments:
          preview: { branch: "feature/**" }
          staging: { branch: "release/*" }
          hotfix: { branch: release/hotfix }
          dev: { branch: dev }
          production: { branch: main }
          catch-all: { branch: "release/**" }
        """);

    [Theory]
    [InlineData("main", "production")]
    [InlineData("refs/heads/main", "production")]
    [InlineData("dev", "dev")]
    [InlineData("release/1.2", "staging")]
    [InlineData("refs/heads/release/1.2", "staging")]
    [InlineData("release/hotfix", "hotfix")]
    [InlineData("release/1.2/rc1", "catch-all")]
    [InlineData("feature/login", "preview")]
    [InlineData("feature/team/login", "preview")]
    [InlineData("Main", null)]
    [InlineData("mainline", null)]
    [InlineData("release", null)]
    [InlineData("refs/tags/main", null)]
    [InlineData("refs/pull/1/merge", null)]
    [InlineData("refs/heads/", null)]
    [InlineData("", null)]
    public void Routes_a_branch_to_its_environment(string branch, string? environment)
    {
        Assert.Equal(environment, Pipeline.EnvironmentForBranch(branch)?.Name);
    }

    [Fact]
    public void Routes_nowhere_without_environments()
    {
        Assert.Null(PipelineYaml.Valid("name: shop\nservices:\n  - name: api\n").EnvironmentForBranch("main"));
    }

    [Theory]
    [InlineData("release/*", "release/1.0", true)]
    [InlineData("release/*", "release/", true)]
    [InlineData("release/*", "release/1.0/x", false)]
    [InlineData("release/**", "release/1.0/x", true)]
    [InlineData("release-*", "release-2024", true)]
    [InlineData("*-hotfix", "api-hotfix", true)]
    [InlineData("*-hotfix", "team/api-hotfix", false)]
    [InlineData("**-hotfix", "team/api-hotfix", true)]
    [InlineData("*", "main", true)]
    [InlineData("*", "a/b", false)]
    [InlineData("**", "a/b", true)]
    [InlineData("v*.*", "v1.2", true)]
    [InlineData("v*.*", "v12", false)]
    [InlineData("main", "main", true)]
    [InlineData("main", "main2", false)]
    public void Patterns_match_within_or_across_segments(string pattern, string branch, bool matches)
    {
        Assert.Equal(matches, BranchPattern.Matches(pattern, branch));
    }

    [Theory]
    [InlineData("main", null)]
    [InlineData("release/*", null)]
    [InlineData("users/ann/wip", null)]
    [InlineData("refs/heads/main", "write the branch name without 'refs/heads/' (for example 'main')")]
    [InlineData("refs/tags/v1", "write the branch name without 'refs/' (for example 'main')")]
    [InlineData("release/***", "use '*' (within a segment) or '**' (across segments), not '***'")]
    [InlineData("a b", "'a b' is not a valid branch name")]
    [InlineData("a..b", "'a..b' is not a valid branch name")]
    [InlineData("a//b", "'a//b' is not a valid branch name")]
    [InlineData("/main", "'/main' is not a valid branch name")]
    [InlineData("main/", "'main/' is not a valid branch name")]
    [InlineData("-main", "'-main' is not a valid branch name")]
    [InlineData("main.lock", "'main.lock' is not a valid branch name")]
    [InlineData("ma~in", "'ma~in' is not a valid branch name")]
    [InlineData("HEAD@{1}", "'HEAD@{1}' is not a valid branch name")]
    public void Branches_in_the_file_must_be_names_git_allows(string branch, string? problem)
    {
        Assert.Equal(problem, BranchPattern.Problem(branch));
    }
}
