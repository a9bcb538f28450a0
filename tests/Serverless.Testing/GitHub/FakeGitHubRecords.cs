using System.Text.Json;

namespace Serverless.Testing.GitHub;

/// <summary>A request as the fake received it (every request, accepted or refused).</summary>
public sealed record GitHubRecordedRequest(
    string Method,
    string Path,
    IReadOnlyDictionary<string, string> Headers,
    string Body,
    int StatusCode);

public sealed record FakeCommitStatus(
    long Id, string Owner, string Repo, string Sha, string State, string Context, string? Description, string? TargetUrl,
    DateTimeOffset CreatedAt);

public sealed record FakeDeployment(
    long Id, string Owner, string Repo, string Ref, string Sha, string Task, string Environment, string? Description,
    JsonElement? Payload, bool AutoMerge, IReadOnlyList<string>? RequiredContexts, bool TransientEnvironment,
    bool ProductionEnvironment, DateTimeOffset CreatedAt);

public sealed record FakeDeploymentStatus(
    long Id, long DeploymentId, string Owner, string Repo, string State, string? Description, string Environment,
    string? EnvironmentUrl, string? LogUrl, string? TargetUrl, bool AutoInactive, DateTimeOffset CreatedAt);
