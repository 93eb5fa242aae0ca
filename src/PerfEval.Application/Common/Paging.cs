using System.Buffers.Text;
using System.Text;
using FluentValidation;

namespace PerfEval.Application.Common;

/// <summary>One page of a keyset-paged list: pass `nextCursor` as `cursor` for the next page; null on the last page.</summary>
/// <param name="Items">The page's items.</param>
/// <param name="NextCursor">Opaque cursor of the next page; pass it as `cursor`. Null on the last page.</param>
public sealed record Page<T>(IReadOnlyList<T> Items, string? NextCursor);

/// <summary>Keyset paging: the cursor is the opaque, URL-safe form of the last row's sort key.</summary>
public static class Paging
{
    /// <summary>Page size when none is asked for.</summary>
    public const int DefaultLimit = 50;
    /// <summary>Largest page size.</summary>
    public const int MaxLimit = 500;

    /// <summary>The opaque cursor of a sort key.</summary>
    public static string Encode(string key) => Base64Url.EncodeToString(Encoding.UTF8.GetBytes(key));

    /// <summary>The sort key a cursor holds.</summary>
    public static string? Decode(string? cursor)
    {
        if (string.IsNullOrEmpty(cursor))
        {
            return null;
        }

        try
        {
            return Encoding.UTF8.GetString(Base64Url.DecodeFromChars(cursor));
        }
        catch (FormatException)
        {
            throw InvalidCursor();
        }
    }

    /// <summary>The id a cursor holds.</summary>
    public static long? DecodeId(string? cursor)
    {
        var key = Decode(cursor);
        if (key is null)
        {
            return null;
        }

        return long.TryParse(key, out var id)
            ? id
            : throw InvalidCursor();
    }

    /// <summary>A cursor this service did not issue (or cannot read back): 400 on the cursor parameter.</summary>
    public static ValidationException InvalidCursor() =>
        new([new FluentValidation.Results.ValidationFailure("cursor", Messages.InvalidCursor.Current)]);

    /// <summary>Queries fetch limit + 1 rows: the extra row only says whether another page follows.</summary>
    public static Page<T> ToPage<T>(IEnumerable<T> rows, int limit, Func<T, string> key)
    {
        var items = rows.ToList();
        if (items.Count <= limit)
        {
            return new Page<T>(items, null);
        }

        items.RemoveAt(limit);
        return new Page<T>(items, Encode(key(items[^1])));
    }

    /// <summary>The page size must lie in 1 … MaxLimit.</summary>
    public static IRuleBuilderOptions<T, int> ValidLimit<T>(this IRuleBuilder<T, int> rule) =>
        rule.InclusiveBetween(1, MaxLimit).WithMessage(_ => Messages.LimitRange.Current);
}
