using System.Runtime.InteropServices;

namespace Serverless.Core.Integrations.Local.Processes;

internal static class NativeMethods
{
    public const int SigKill = 9;
    public const int SigTerm = 15;

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int SysKill(int pid, int signal);

    /// <summary>Sends <paramref name="signal"/> to every process of group <paramref name="processGroupId"/>; false when none is left.</summary>
    public static bool SignalGroup(int processGroupId, int signal) =>
        !OperatingSystem.IsWindows() && processGroupId > 1 && SysKill(-processGroupId, signal) == 0;

    public static bool SignalProcess(int processId, int signal) =>
        !OperatingSystem.IsWindows() && processId > 1 && SysKill(processId, signal) == 0;
}
