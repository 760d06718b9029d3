using System.Security.Cryptography;

namespace Marketplace.Web.Security;

/// <summary>
/// A mark the browser of a signed-in member carries, renewed by every request of theirs that writes to the database.
/// Views of a member cached by any instance are kept under the mark they were read with (<see cref="MemberViewCache"/>),
/// so the first request after the member's own change, wherever it lands, misses them and reads anew: a member never
/// sees their own page from before their own change. The value is random and says nothing about the member.
/// </summary>
public static class OwnWrites
{
    public const string CookieName = "mp.w";

    private static readonly object NewMarkKey = new();
    private static readonly object DroppedKey = new();

    /// <summary>The mark this request's views are cached under: the browser's, or the new one once this request wrote.</summary>
    public static string MarkOf(HttpContext http) =>
        http.Items[NewMarkKey] as string ?? http.Request.Cookies[CookieName] ?? "";

    /// <summary>Called for every write of a request; a signed-in member's browser is given a new mark with the response.</summary>
    public static void Written(HttpContext http)
    {
        if (http.User.Identity?.IsAuthenticated != true)
        {
            return;
        }

        var first = !http.Items.ContainsKey(NewMarkKey);
        // Renewed on each write, so that what a request read between two of its writes is not taken for the end state.
        http.Items[NewMarkKey] = Convert.ToHexString(RandomNumberGenerator.GetBytes(8));
        if (first && !http.Response.HasStarted)
        {
            http.Response.OnStarting(() =>
            {
                if (http.Items.ContainsKey(DroppedKey))
                {
                    http.Response.Cookies.Delete(CookieName);
                }
                else
                {
                    http.Response.Cookies.Append(CookieName, (string)http.Items[NewMarkKey]!, new CookieOptions
                    {
                        HttpOnly = true,
                        Secure = http.Request.IsHttps,
                        SameSite = SameSiteMode.Lax,
                        IsEssential = true,
                    });
                }

                return Task.CompletedTask;
            });
        }
    }

    /// <summary>At logout: the browser keeps no mark once nobody is signed in with it.</summary>
    public static void Drop(HttpContext http)
    {
        http.Items[DroppedKey] = true;
        if (!http.Items.ContainsKey(NewMarkKey) && !http.Response.HasStarted)
        {
            http.Response.Cookies.Delete(CookieName);
        }
    }
}
