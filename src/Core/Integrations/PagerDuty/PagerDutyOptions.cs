namespace Serverless.Core.Integrations.PagerDuty;

/// <summary>Bound from <c>PAGERDUTY_API_URL</c> and <c>PAGERDUTY_ROUTING_KEY</c>.</summary>
public sealed class PagerDutyOptions
{
    public const string DefaultApiUrl = "https://events.pagerduty.com";
    public const string ApiUrlSetting = "PAGERDUTY_API_URL";
    public const string RoutingKeySetting = "PAGERDUTY_ROUTING_KEY";

    public Uri ApiUrl { get; set; } = new(DefaultApiUrl);

    /// <summary>The integration key of an Events API v2 integration: a secret, never logged.</summary>
    public string? RoutingKey { get; set; }
}
