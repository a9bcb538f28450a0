using YamlDotNet.RepresentationModel;

namespace Serverless.Core.Pipelines.Parsing;

/// <summary><c>services:</c> the build matrix, a list of services with distinct names (and ports, when given).</summary>
internal static class ServicesSection
{
    private static readonly string[] Keys = ["name", "path", "build", "test", "run", "health", "port"];

    public static IReadOnlyList<ServiceDefinition> Read(ParseContext context, YamlNode node, string path, IReadOnlyList<string> environments)
    {
        var items = context.Sequence(node, path, "a list of services (each item starts with '- name:')");
        if (items is null)
            return [];
        if (items.Count == 0)
            context.Error(node, path, "must list at least one service");

        var services = new List<ServiceDefinition>();
        var names = new Dictionary<string, long>(StringComparer.Ordinal);
        var ports = new Dictionary<int, string>();
        for (var i = 0; i < items.Count; i++)
        {
            var itemPath = ParseContext.Item(path, i);
            var map = MappingReader.Open(context, items[i], itemPath, Keys, "a service mapping with at least a name");
            if (map is null)
                continue;
            var service = ReadService(context, map, environments);
            if (service is null)
                continue;
            if (names.TryGetValue(service.Name, out var firstLine))
                context.Error(map["name"]!, map.PathOf("name"), $"another service is already named '{service.Name}' (line {firstLine})");
            else
                names[service.Name] = map["name"]!.Start.Line;
            if (service.Port is { } port && !ports.TryAdd(port, service.Name))
                context.Error(map["port"]!, map.PathOf("port"), $"port {port} is already used by service '{ports[port]}'");
            services.Add(service);
        }
        return services;
    }

    private static ServiceDefinition? ReadService(ParseContext context, MappingReader map, IReadOnlyList<string> environments)
    {
        var name = map.RequiredText("name");
        if (name is not null)
            name = context.Name(map["name"]!, map.PathOf("name"), name);
        var servicePath = map.Text("path", "a folder in the repository");
        if (servicePath is not null && !RepositoryPath.IsInside(servicePath))
        {
            context.Error(map["path"]!, map.PathOf("path"), $"{ParseContext.Quote(servicePath)} must be a relative path inside the repository, without '..'");
            servicePath = null;
        }
        var build = map["build"] is { } buildNode ? StepReader.Read(context, buildNode, map.PathOf("build"), "build") : null;
        var test = map["test"] is { } testNode ? StepReader.Read(context, testNode, map.PathOf("test"), "test") : null;
        var run = map.Text("run", "the command that starts the service");
        if (map["run"] is null && environments.Count > 0)
            map.Missing("run", $"is required because environments deploy every service ({string.Join(", ", environments)}); give the command that starts it, which reads PORT");
        var health = map.Text("health", "an HTTP path like /health");
        if (health is not null && !health.StartsWith('/'))
        {
            context.Error(map["health"]!, map.PathOf("health"), $"{ParseContext.Quote(health)} must be an HTTP path starting with '/', like /health");
            health = null;
        }
        var port = map.Integer("port", 1, 65535);

        if (name is null)
            return null;
        return new ServiceDefinition
        {
            Name = name,
            Path = servicePath ?? PipelineDefaults.ServicePath,
            Build = build,
            Test = test,
            Run = run,
            Health = health ?? PipelineDefaults.HealthPath,
            Port = port,
        };
    }
}
