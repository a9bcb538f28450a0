using System.Text;
using Serverless.Core.Integrations.Local.Processes;

namespace Serverless.Core.Integrations.Local.Target;

/// <summary>
/// Ends versions a crashed host left running, before they are started again. A process group is only killed
/// when its leader still carries our instance marker, so a reused process id never hits an unrelated process.
/// </summary>
internal static class OrphanProcesses
{
    public const string InstanceVariable = "SERVERLESS_LOCAL_INSTANCE";

    public static bool TryKill(StoredVersion version)
    {
        if (version.ProcessGroupId is not { } group || !OperatingSystem.IsLinux())
        {
            return false;
        }

        try
        {
            var environment = File.ReadAllBytes($"/proc/{group}/environ");
            var marker = Encoding.UTF8.GetBytes($"{InstanceVariable}={version.InstanceId}\0");
            return environment.AsSpan().IndexOf(marker) >= 0 && NativeMethods.SignalGroup(group, NativeMethods.SigKill);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }
}
