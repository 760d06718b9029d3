using System.Text.Json;
using Marketplace.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Marketplace.Web.Data;

/// <summary>How a <see cref="TranslatedText"/> is stored: one JSON text column, the same on SQLite and PostgreSQL, only ever read whole.</summary>
internal static class TranslatedTextColumn
{
    public const int MaxLength = 2000;

    public static PropertyBuilder<TranslatedText> IsTranslatedText(this PropertyBuilder<TranslatedText> property) =>
        property
            .HasConversion(
                names => JsonSerializer.Serialize<IReadOnlyDictionary<string, string>>(names, (JsonSerializerOptions?)null),
                json => TranslatedText.From(JsonSerializer.Deserialize<Dictionary<string, string?>>(json, (JsonSerializerOptions?)null)
                    ?? new Dictionary<string, string?>()),
                // Immutable: the same instance is its own snapshot.
                new ValueComparer<TranslatedText>((a, b) => Equals(a, b), t => t.GetHashCode(), t => t))
            .HasMaxLength(MaxLength);
}
