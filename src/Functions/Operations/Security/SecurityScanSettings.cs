using Microsoft.Extensions.Configuration;

namespace Serverless.Functions.Operations.Security;

/// <summary>The nightly scan's settings: its schedule and the branch it checks out in every repository.</summary>
public sealed record SecurityScanSettings(string Branch, TimeSpan ScannerTimeout)
{
    public const string ScheduleSetting = "SECURITY_SCAN_SCHEDULE";
    public const string DefaultSchedule = "0 0 2 * * *";
    public const string BranchSetting = "SECURITY_SCAN_BRANCH";
    public const string DefaultBranch = "main";
    public static readonly TimeSpan DefaultScannerTimeout = TimeSpan.FromMinutes(10);

    public static SecurityScanSettings From(IConfiguration configuration) =>
        new(configuration[BranchSetting] is { Length: > 0 } branch ? branch.Trim() : DefaultBranch, DefaultScannerTimeout);
}
