namespace Serverless.Core.Security;

/// <summary>How serious a security finding is. Values increase with seriousness, so they compare naturally.</summary>
public enum Severity
{
    Low = 1,
    Medium = 2,
    High = 3,
    Critical = 4,
}
