using YamlDotNet.RepresentationModel;

namespace Serverless.Core.Pipelines.Parsing;

/// <summary><c>approvals:</c> the quorum; missing values come from the environment's name (see <see cref="PipelineDefaults.ApprovalsFor"/>).</summary>
internal static class ApprovalsSection
{
    private static readonly string[] Keys = ["required", "timeout", "approvers", "remind"];

    public static ApprovalPolicy? Read(ParseContext context, YamlNode node, string path, string environmentName)
    {
        var map = MappingReader.Open(context, node, path, Keys, "a mapping like { required: 2, timeout: 24h }");
        if (map is null)
            return null;
        var defaults = PipelineDefaults.ApprovalsFor(environmentName);
        var required = map.Integer("required", 1);
        var timeout = map.Duration("timeout");
        var (approvers, approversValid) = map["approvers"] is { } approversNode
            ? ReadApprovers(context, approversNode, map.PathOf("approvers"))
            : ([], true);
        var remind = map.Duration("remind");

        var quorum = required ?? defaults.Required;
        if (approversValid && approvers.Count > 0 && !approvers.Any(a => a.StartsWith(ApprovalPolicy.TeamPrefix, StringComparison.Ordinal)) && approvers.Count < quorum)
            context.Error(map["required"] ?? map["approvers"]!, map.PathOf(map["required"] is null ? "approvers" : "required"),
                $"{quorum} approvals are required but only {approvers.Count} approver{(approvers.Count == 1 ? " is" : "s are")} listed");
        if (remind is not null && remind >= (timeout ?? defaults.Timeout))
            context.Error(map["remind"]!, map.PathOf("remind"),
                $"must be shorter than the timeout ({DurationSyntax.Format(timeout ?? defaults.Timeout)}), or no reminder is ever sent");

        return new ApprovalPolicy
        {
            Required = quorum,
            Timeout = timeout ?? defaults.Timeout,
            Approvers = approvers,
            Remind = remind,
        };
    }

    private static (IReadOnlyList<string> Approvers, bool Valid) ReadApprovers(ParseContext context, YamlNode node, string path)
    {
        var items = context.Sequence(node, path, "a list of user names and team:name entries");
        if (items is null)
            return ([], false);
        var approvers = new List<string>();
        var valid = true;
        for (var i = 0; i < items.Count; i++)
        {
            var itemPath = ParseContext.Item(path, i);
            var approver = context.Text(items[i], itemPath, "a user name or team:name");
            if (approver is null)
                valid = false;
            else if (approver.Any(char.IsWhiteSpace) || approver == ApprovalPolicy.TeamPrefix || approver.StartsWith(':'))
            {
                context.Error(items[i], itemPath, $"{ParseContext.Quote(approver)} is not a user name or team:name");
                valid = false;
            }
            else if (approvers.Contains(approver, StringComparer.OrdinalIgnoreCase))
            {
                context.Error(items[i], itemPath, $"{ParseContext.Quote(approver)} is listed twice");
                valid = false;
            }
            else
                approvers.Add(approver);
        }
        return (approvers, valid);
    }
}
