namespace Serverless.Core.Integrations.Slack;

/// <summary>Block Kit limits Slack enforces on messages (longer text or more items get <c>invalid_blocks</c>).</summary>
public static class SlackLimits
{
    public const int BlocksPerMessage = 50;
    public const int HeaderText = 150;
    public const int SectionText = 3000;
    public const int SectionFields = 10;
    public const int SectionFieldText = 2000;
    public const int ContextElements = 10;
    public const int ActionsElements = 25;
    public const int ButtonText = 75;
    public const int ButtonUrl = 3000;
    public const int BlockId = 255;

    /// <summary>Slack truncates a message's top-level <c>text</c> beyond this.</summary>
    public const int MessageText = 40_000;
}
