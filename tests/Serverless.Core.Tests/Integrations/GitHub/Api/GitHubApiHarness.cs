using Serverless.Core.Integrations.GitHub;
using Serverless.Core.Tests.Integrations.GitHub.Support;
using Serverless.Testing.GitHub;

namespace Serverless.Core.Tests.Integrations.GitHub.Api;

/// <summary>A fresh <see cref="FakeGitHubApi"/> per test and a client pointed at it, on a clock that never sleeps.</summary>
public abstract class GitHubApiHarness : IAsyncLifetime
{
    protected const string Owner = "octo-org";
    protected const string Repo = "octo-repo";
    protected const string Sha = "6113728f27ae82c7b1a177c8d03f9e96e0adf246";

    private readonly HttpClient _http = new();

    protected FakeGitHubApi Fake { get; private set; } = null!;
    protected ImmediateTimeProvider Clock { get; } = new();
    protected RecordingLogger<GitHubApiClient> Logger { get; } = new();

    public async Task InitializeAsync() => Fake = await FakeGitHubApi.StartAsync();

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await Fake.DisposeAsync();
    }

    protected GitHubApiOptions Options => new() { BaseUrl = Fake.BaseUrl, Token = Fake.ExpectedToken };

    protected GitHubApiClient Client(GitHubApiOptions? options = null) => new(_http, options ?? Options, Logger, Clock);
}
