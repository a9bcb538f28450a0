using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace Serverless.Core.Pipelines.Parsing;

/// <summary><c>notifications:</c> values kept as written; <c>%SETTING%</c> references are resolved by the app, not here.</summary>
internal static partial class NotificationsSection
{
    private static readonly string[] Keys = ["slack", "pagerduty"];

    public static NotificationsDefinition Read(ParseContext context, YamlNode node, string path)
    {
        var map = MappingReader.Open(context, node, path, Keys, "a mapping like { slack: \"%SLACK_WEBHOOK_URL%\" }");
        if (map is null)
            return new NotificationsDefinition();
        var slack = ReadValue(context, map, "slack", "a Slack incoming-webhook URL");
        if (slack is not null && !IsReference(slack) && !slack.StartsWith("https://", StringComparison.Ordinal))
        {
            context.Error(map["slack"]!, map.PathOf("slack"), "must be an https:// incoming-webhook URL or a %SETTING% reference");
            slack = null;
        }
        return new NotificationsDefinition
        {
            Slack = slack,
            PagerDuty = ReadValue(context, map, "pagerduty", "a PagerDuty routing key"),
        };
    }

    private static string? ReadValue(ParseContext context, MappingReader map, string key, string what)
    {
        var value = map.Text(key, $"{what} or a %SETTING% reference");
        if (value is null || IsReference(value) || !value.Contains('%'))
            return value;
        context.Error(map[key]!, map.PathOf(key), $"{ParseContext.Quote(value)} is not a setting reference; write %NAME% with letters, digits and '_' (quote it: \"%NAME%\")");
        return null;
    }

    private static bool IsReference(string value) => Reference().IsMatch(value);

    [GeneratedRegex(@"^%[A-Za-z_][A-Za-z0-9_]*%$", RegexOptions.CultureInvariant)]
    private static partial Regex Reference();
}
