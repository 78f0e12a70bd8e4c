using System.Text.Json;
using System.Text.Json.Serialization;

namespace Stm32NanoUpdater.Cli.Formatting;

/// <summary>The `info --json` output: the same model, camelCase, indented, nulls omitted.</summary>
public static class ImageInfoJson
{
    private static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static string Format(ImageInfoModel info) => JsonSerializer.Serialize(info, Options) + "\n";
}
