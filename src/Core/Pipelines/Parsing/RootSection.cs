using YamlDotNet.RepresentationModel;

namespace Serverless.Core.Pipelines.Parsing;

internal static class RootSection
{
    private static readonly string[] Keys = ["name", "services", "checks", "scans", "environments", "notifications"];

    public static PipelineDefinition? Read(ParseContext context, YamlNode root)
    {
        var map = MappingReader.Open(context, root, "", Keys, "a mapping with name, services, checks, scans, environments and notifications");
        if (map is null)
            return null;

        var name = map.RequiredText("name");
        if (name is not null)
            name = context.Name(map["name"]!, "name", name);

        var checks = map["checks"] is { } checksNode ? ChecksSection.Read(context, checksNode, "checks") : new ChecksDefinition();
        var scans = map["scans"] is { } scansNode ? ScansSection.Read(context, scansNode, "scans") : new ScansDefinition();
        var environments = map["environments"] is { } environmentsNode
            ? EnvironmentsSection.Read(context, environmentsNode, "environments", checks)
            : [];
        IReadOnlyList<ServiceDefinition> services = [];
        if (map["services"] is { } servicesNode)
            services = ServicesSection.Read(context, servicesNode, "services", EnvironmentNames(map["environments"]));
        else
            map.Missing("services", "is required: list the services to build, each with at least a name");
        var notifications = map["notifications"] is { } notificationsNode
            ? NotificationsSection.Read(context, notificationsNode, "notifications")
            : new NotificationsDefinition();

        return new PipelineDefinition
        {
            Name = name ?? "",
            Services = services,
            Checks = checks,
            Scans = scans,
            Environments = environments,
            Notifications = notifications,
        };
    }

    // Every environment named in the file, including ones with mistakes of their own, so that their services are
    // still held to what a deployment needs.
    private static IReadOnlyList<string> EnvironmentNames(YamlNode? environments) =>
        environments is YamlMappingNode mapping
            ? [.. mapping.Children.Keys.OfType<YamlScalarNode>().Select(k => k.Value ?? "")]
            : [];
}
