namespace Serverless.Core.Integrations.Local.Runner;

public sealed record StepResult
{
    /// <summary>The shell's exit code; after a timeout, whatever the killed process reported.</summary>
    public required int ExitCode { get; init; }

    public required bool TimedOut { get; init; }

    public required TimeSpan Duration { get; init; }

    /// <summary>The artifact holding the whole output.</summary>
    public required string LogName { get; init; }

    /// <summary>The last lines of output, for a failure summary.</summary>
    public required IReadOnlyList<string> Tail { get; init; }

    public bool Succeeded => ExitCode == 0 && !TimedOut;
}
