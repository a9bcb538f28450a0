namespace Serverless.Core.Integrations.Local.Target;

/// <summary>Start one version of a service in an environment and, once healthy, send it the traffic.</summary>
public sealed record DeploymentRequest
{
    public const string DefaultHealthPath = "/health";
    public const int DefaultExpectedStatus = 200;
    public static readonly TimeSpan DefaultHealthTimeout = TimeSpan.FromSeconds(30);

    public required string Environment { get; init; }

    public required string Service { get; init; }

    /// <summary>The commit sha (or another plain name) the version is known by; also passed as VERSION.</summary>
    public required string Version { get; init; }

    /// <summary>The built output; the target copies it, so the runner's workspace can be deleted afterwards.</summary>
    public required string ReleaseDirectory { get; init; }

    /// <summary>Run with <c>/bin/sh -c</c> in the copy of <see cref="ReleaseDirectory"/>; must listen on 127.0.0.1:$PORT.</summary>
    public required string RunCommand { get; init; }

    public string HealthPath { get; init; } = DefaultHealthPath;

    /// <summary>How long the new version has to answer <see cref="HealthPath"/> with <see cref="ExpectedStatus"/>.</summary>
    public TimeSpan HealthTimeout { get; init; } = DefaultHealthTimeout;

    public int ExpectedStatus { get; init; } = DefaultExpectedStatus;

    /// <summary>Variables for the service, besides PORT, VERSION, SERVICE and ENVIRONMENT which the target sets.</summary>
    public IReadOnlyDictionary<string, string> Variables { get; init; } = new Dictionary<string, string>();

    /// <summary>
    /// True (rolling): switch all traffic to the version once healthy. False: start it as the candidate in the
    /// idle slot for blue-green or canary, leaving traffic where it is; a later request for the same version with
    /// true promotes it without restarting it.
    /// </summary>
    public bool ShiftTraffic { get; init; } = true;
}
