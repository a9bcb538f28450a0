using Serverless.Core.Integrations.Local.Processes;

namespace Serverless.Core.Integrations.Local.Runner;

/// <summary>Settings of the local process runner, bound from the <c>LocalRunner</c> configuration section.</summary>
public sealed class LocalRunnerOptions
{
    public const string SectionName = "LocalRunner";
    public const string DefaultGit = "git";
    public const string DefaultShell = "/bin/sh";
    public const int DefaultTailLines = 20;
    public static readonly TimeSpan DefaultGitTimeout = TimeSpan.FromMinutes(10);
    public static readonly TimeSpan DefaultKillGracePeriod = TimeSpan.FromSeconds(5);

    /// <summary>The variables a step inherits from the host when <see cref="InheritedEnvironment"/> is not set.</summary>
    public static IReadOnlyList<string> DefaultInheritedEnvironment => ChildEnvironment.DefaultInherited;

    /// <summary>The git executable (a name on PATH or a full path).</summary>
    public string Git { get; set; } = DefaultGit;

    /// <summary>Steps run as <c>{Shell} -c {command}</c>.</summary>
    public string Shell { get; set; } = DefaultShell;

    /// <summary>Longest a git command of a checkout may take.</summary>
    public TimeSpan GitTimeout { get; set; } = DefaultGitTimeout;

    /// <summary>How many of the last output lines a <see cref="StepResult"/> carries.</summary>
    public int TailLines { get; set; } = DefaultTailLines;

    /// <summary>Between SIGTERM and SIGKILL when a step times out or is cancelled.</summary>
    public TimeSpan KillGracePeriod { get; set; } = DefaultKillGracePeriod;

    /// <summary>Host variables passed to steps; null means <see cref="DefaultInheritedEnvironment"/>. Nothing else leaks in.</summary>
    public IList<string>? InheritedEnvironment { get; set; }

    /// <summary>Every problem with these settings, each naming its field; empty when they are valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(Git)) errors.Add($"{SectionName}:{nameof(Git)} must name the git executable.");
        if (string.IsNullOrWhiteSpace(Shell)) errors.Add($"{SectionName}:{nameof(Shell)} must name a shell.");
        if (GitTimeout <= TimeSpan.Zero) errors.Add($"{SectionName}:{nameof(GitTimeout)} must be positive (was {GitTimeout}).");
        if (TailLines is < 0 or > 10_000) errors.Add($"{SectionName}:{nameof(TailLines)} must be between 0 and 10000 (was {TailLines}).");
        if (KillGracePeriod < TimeSpan.Zero) errors.Add($"{SectionName}:{nameof(KillGracePeriod)} must not be negative (was {KillGracePeriod}).");
        if (InheritedEnvironment?.Any(string.IsNullOrWhiteSpace) == true) errors.Add($"{SectionName}:{nameof(InheritedEnvironment)} must not hold empty names.");
        return errors;
    }
}
