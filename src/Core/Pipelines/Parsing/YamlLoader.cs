using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Serverless.Core.Pipelines.Parsing;

/// <summary>Turns text into one YAML document root, or the error that prevents it.</summary>
internal static class YamlLoader
{
    // Aliases share nodes, so a small file can stand for a huge tree ("billion laughs") or a cycle.
    private const int MaxExpandedNodes = 20_000;

    public static YamlNode? Load(string yaml, ParseContext context)
    {
        var parser = new GuardedParser(new Parser(new StringReader(yaml)));
        var stream = new YamlStream();
        try
        {
            stream.Load(parser);
        }
        catch (YamlException e)
        {
            var (where, message) = YamlSyntaxErrors.Describe(e, yaml);
            context.Error(where, "", message);
            return null;
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet's scanner throws this (with no position) on some unterminated flow collections.
            context.Error(parser.LastPosition, "", "invalid YAML after this point: look for an unclosed '[', '{' or quote");
            return null;
        }

        if (stream.Documents.Count == 0)
        {
            context.Error(new Mark(0, 1, 1), "", "the file is empty; it needs at least 'name' and 'services'");
            return null;
        }
        if (stream.Documents.Count > 1)
        {
            context.Error(stream.Documents[1].RootNode, "", "only one YAML document is allowed; remove the '---' separator");
            return null;
        }
        var root = stream.Documents[0].RootNode;
        var budget = MaxExpandedNodes;
        if (!WithinBudget(root, 0, ref budget))
        {
            context.Error(root, "", $"the document expands to more than {MaxExpandedNodes} nodes or nests too deeply once aliases are followed");
            return null;
        }
        return root;
    }

    private static bool WithinBudget(YamlNode node, int depth, ref int budget)
    {
        if (--budget < 0 || depth > GuardedParser.MaxDepth)
            return false;
        switch (node)
        {
            case YamlMappingNode mapping:
                foreach (var (key, value) in mapping.Children)
                    if (!WithinBudget(key, depth + 1, ref budget) || !WithinBudget(value, depth + 1, ref budget))
                        return false;
                break;
            case YamlSequenceNode sequence:
                foreach (var child in sequence.Children)
                    if (!WithinBudget(child, depth + 1, ref budget))
                        return false;
                break;
        }
        return true;
    }
}
