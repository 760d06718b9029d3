using System.Globalization;

namespace Marketplace.Web.Infrastructure.Pdf;

/// <summary>A stretch of a line in logical order that is laid out in one direction (odd level: right to left).</summary>
public readonly record struct BidiRun(int Start, int Length, int Level)
{
    public bool RightToLeft => (Level & 1) == 1;
}

/// <summary>
/// The Unicode bidirectional algorithm (UAX #9) for one line of plain text, in the subset the app's PDFs need:
/// .NET exposes no bidi API (ICU's is internal) and the package mirror has no maintained implementation.
/// Implemented: character types by script block (Hebrew/Arabic blocks strong right to left, letters of every other
/// script left to right, European and Arabic-Indic digits, number separators and terminators, marks and joiners taking
/// the type before them), the weak rules W1–W7, the neutral rules N1–N2, implicit levels I1–I2 and the reordering L2.
/// Left out, because the app's texts never contain them: explicit embeddings, overrides and isolates (LRE…PDI, treated as
/// neutrals) and paragraph separators inside a line. Levels are resolved per line, not per paragraph: that only differs
/// for neutrals at a line's ends, which the line breaker trims. Mirroring of brackets (L4) is HarfBuzz's, which mirrors
/// in right-to-left runs.
/// </summary>
public static class BidiText
{
    private enum Kind : byte
    {
        L,
        R,
        AL,
        EN,
        AN,
        ES,
        CS,
        ET,
        NSM,
        ON,
    }

    /// <summary>The line's runs in visual order, left to right, each with its level.</summary>
    public static IReadOnlyList<BidiRun> VisualRuns(string line, bool rightToLeft)
    {
        var levels = Levels(line, rightToLeft);
        var runs = new List<BidiRun>();
        for (var i = 0; i < line.Length;)
        {
            var start = i;
            while (i < line.Length && levels[i] == levels[start])
            {
                i++;
            }

            runs.Add(new BidiRun(start, i - start, levels[start]));
        }

        Reorder(runs);
        return runs;
    }

    /// <summary>The resolved embedding level of every UTF-16 unit (a surrogate pair shares one).</summary>
    public static byte[] Levels(string line, bool rightToLeft)
    {
        var baseLevel = rightToLeft ? 1 : 0;
        var sos = rightToLeft ? Kind.R : Kind.L;
        var kinds = new Kind[line.Length];
        for (var i = 0; i < line.Length; i++)
        {
            if (char.IsLowSurrogate(line[i]) && i > 0 && char.IsHighSurrogate(line[i - 1]))
            {
                kinds[i] = Kind.NSM;
                continue;
            }

            kinds[i] = Classify(char.IsHighSurrogate(line[i]) && i + 1 < line.Length ? char.ConvertToUtf32(line[i], line[i + 1]) : line[i]);
        }

        // W1: a mark takes the type of what it marks.
        for (var i = 0; i < kinds.Length; i++)
        {
            if (kinds[i] == Kind.NSM)
            {
                kinds[i] = i == 0 ? sos : kinds[i - 1];
            }
        }

        // W2, W3: digits after Arabic letters are Arabic numbers; Arabic letters are then plain right to left.
        var lastStrong = sos;
        for (var i = 0; i < kinds.Length; i++)
        {
            switch (kinds[i])
            {
                case Kind.L or Kind.R or Kind.AL:
                    lastStrong = kinds[i];
                    break;
                case Kind.EN when lastStrong == Kind.AL:
                    kinds[i] = Kind.AN;
                    break;
            }
        }

        for (var i = 0; i < kinds.Length; i++)
        {
            if (kinds[i] == Kind.AL)
            {
                kinds[i] = Kind.R;
            }
        }

        // W4: one separator between two numbers of a kind belongs to them ("4,5", "31.12.2025").
        for (var i = 1; i < kinds.Length - 1; i++)
        {
            var (before, after) = (kinds[i - 1], kinds[i + 1]);
            if (kinds[i] == Kind.ES && before == Kind.EN && after == Kind.EN)
            {
                kinds[i] = Kind.EN;
            }
            else if (kinds[i] == Kind.CS && before == after && before is Kind.EN or Kind.AN)
            {
                kinds[i] = before;
            }
        }

        // W5: terminators (%, €) next to a European number belong to it.
        for (var i = 0; i < kinds.Length; i++)
        {
            if (kinds[i] != Kind.ET)
            {
                continue;
            }

            var end = i;
            while (end < kinds.Length && kinds[end] == Kind.ET)
            {
                end++;
            }

            if ((i > 0 && kinds[i - 1] == Kind.EN) || (end < kinds.Length && kinds[end] == Kind.EN))
            {
                Array.Fill(kinds, Kind.EN, i, end - i);
            }

            i = end - 1;
        }

        // W6, W7: leftover separators are neutral; European numbers in left-to-right context are left to right.
        lastStrong = sos;
        for (var i = 0; i < kinds.Length; i++)
        {
            if (kinds[i] is Kind.ES or Kind.CS or Kind.ET)
            {
                kinds[i] = Kind.ON;
            }
            else if (kinds[i] is Kind.L or Kind.R)
            {
                lastStrong = kinds[i];
            }
            else if (kinds[i] == Kind.EN && lastStrong == Kind.L)
            {
                kinds[i] = Kind.L;
            }
        }

        // N1, N2: neutrals between two stretches of one direction (numbers count as right to left) take it, others the line's.
        for (var i = 0; i < kinds.Length; i++)
        {
            if (kinds[i] != Kind.ON)
            {
                continue;
            }

            var end = i;
            while (end < kinds.Length && kinds[end] == Kind.ON)
            {
                end++;
            }

            var before = i == 0 ? sos : Direction(kinds[i - 1]);
            var after = end == kinds.Length ? sos : Direction(kinds[end]);
            Array.Fill(kinds, before == after ? before : sos, i, end - i);
            i = end - 1;
        }

        // I1, I2.
        var levels = new byte[kinds.Length];
        for (var i = 0; i < kinds.Length; i++)
        {
            levels[i] = (byte)((baseLevel, kinds[i]) switch
            {
                (0, Kind.R) => 1,
                (0, Kind.EN or Kind.AN) => 2,
                (0, _) => 0,
                (_, Kind.L or Kind.EN or Kind.AN) => 2,
                _ => 1,
            });
        }

        return levels;
    }

    private static Kind Direction(Kind kind) => kind is Kind.EN or Kind.AN ? Kind.R : kind;

    /// <summary>L2: from the highest level down to the lowest odd one, every stretch at that level or above is reversed.</summary>
    private static void Reorder(List<BidiRun> runs)
    {
        if (runs.Count == 0)
        {
            return;
        }

        var highest = runs.Max(r => r.Level);
        var lowestOdd = runs.Where(r => r.RightToLeft).Select(r => r.Level).DefaultIfEmpty(highest + 1).Min();
        for (var level = highest; level >= lowestOdd; level--)
        {
            for (var i = 0; i < runs.Count; i++)
            {
                if (runs[i].Level < level)
                {
                    continue;
                }

                var end = i;
                while (end < runs.Count && runs[end].Level >= level)
                {
                    end++;
                }

                runs.Reverse(i, end - i);
                i = end;
            }
        }
    }

    private static Kind Classify(int codePoint)
    {
        switch (codePoint)
        {
            case >= '0' and <= '9' or >= 0x06F0 and <= 0x06F9:
                return Kind.EN;
            case >= 0x0660 and <= 0x0669 or 0x066B or 0x066C:
                return Kind.AN;
            case '+' or '-' or 0x2212:
                return Kind.ES;
            case ',' or '.' or ':' or '/' or 0x00A0 or 0x060C or 0x202F:
                return Kind.CS;
            case '#' or '%' or 0x00B0 or 0x2030 or 0x066A:
                return Kind.ET;
            case 0x200E:
                return Kind.L;
            case 0x200F:
                return Kind.R;
            case 0x061C:
                return Kind.AL;
        }

        var category = CharUnicodeInfo.GetUnicodeCategory(codePoint);
        if (category is UnicodeCategory.NonSpacingMark or UnicodeCategory.EnclosingMark or UnicodeCategory.Format)
        {
            // Zero-width joiners and non-joiners (Persian writes ZWNJ inside words) stay with their neighbours.
            return Kind.NSM;
        }

        if (category == UnicodeCategory.CurrencySymbol)
        {
            return Kind.ET;
        }

        return codePoint switch
        {
            >= 0x0590 and <= 0x05FF or >= 0x07C0 and <= 0x085F or >= 0xFB1D and <= 0xFB4F
                or >= 0x10800 and <= 0x10FFF or >= 0x1E800 and <= 0x1EDFF or >= 0x1EF00 and <= 0x1EFFF => Kind.R,
            >= 0x0600 and <= 0x07BF or >= 0x0860 and <= 0x08FF or >= 0xFB50 and <= 0xFDFF or >= 0xFE70 and <= 0xFEFE
                or >= 0x1EE00 and <= 0x1EEFF => Kind.AL,
            _ when category is UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter
                or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter or UnicodeCategory.SpacingCombiningMark
                or UnicodeCategory.DecimalDigitNumber or UnicodeCategory.LetterNumber => Kind.L,
            _ => Kind.ON,
        };
    }
}
