using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Serverless.Core.Integrations.Local.Processes;

namespace Serverless.Core.Integrations.Local.Runner;

/// <summary>
/// The embedded runner: checks out a pushed commit with the git CLI and runs pipeline steps as child processes
/// on this machine. Every operation is idempotent (a re-run replaces the workspace or the log), because
/// activities run at least once.
/// </summary>
public sealed partial class LocalRunner
{
    private readonly string _git;
    private readonly string _shell;
    private readonly TimeSpan _gitTimeout;
    private readonly int _tailLines;
    private readonly TimeSpan _killGracePeriod;
    private readonly IReadOnlyList<string> _inheritedEnvironment;
    private readonly ILogger _logger;
    private readonly TimeProvider _timeProvider;

    public LocalRunner(LocalRunnerOptions? options = null, ILogger<LocalRunner>? logger = null, TimeProvider? timeProvider = null)
    {
        options ??= new LocalRunnerOptions();
        var errors = options.Validate();
        if (errors.Count > 0)
        {
            throw new ArgumentException("Invalid local runner settings: " + string.Join(" ", errors), nameof(options));
        }

        _git = options.Git;
        _shell = options.Shell;
        _gitTimeout = options.GitTimeout;
        _tailLines = options.TailLines;
        _killGracePeriod = options.KillGracePeriod;
        _inheritedEnvironment = [.. options.InheritedEnvironment ?? [.. ChildEnvironment.DefaultInherited]];
        _logger = logger ?? NullLogger<LocalRunner>.Instance;
        _timeProvider = timeProvider ?? TimeProvider.System;
    }

    /// <summary>Deletes a workspace folder and everything in it; nothing happens when it does not exist.</summary>
    public void CleanupWorkspace(string workspaceDirectory)
    {
        var workspace = Workspaces.Resolve(workspaceDirectory, nameof(workspaceDirectory));
        Workspaces.Delete(workspace);
        _logger.WorkspaceDeleted(workspace);
    }
}
