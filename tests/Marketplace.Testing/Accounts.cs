using System.Net;
using Marketplace.Web.Data;

namespace Marketplace.Testing;

public static class Accounts
{
    public static async Task<HttpResponseMessage> LoginAsync(this HttpClient client, string login, string password = DemoData.Password)
    {
        var response = await client.SubmitAsync("/account/login", "[data-testid=login-form]",
            new Dictionary<string, string> { ["Input.Login"] = login, ["Input.Password"] = password });
        return response;
    }

    public static async Task LoginOkAsync(this HttpClient client, string login, string password = DemoData.Password)
    {
        var response = await client.LoginAsync(login, password);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    /// <summary>A client of the town's host, logged in as the given account.</summary>
    public static async Task<HttpClient> SignedInAsync(this MarketplaceFactory app, string slug, string userName)
    {
        var client = app.TownClient(slug);
        await client.LoginOkAsync(userName);
        return client;
    }

    public static Dictionary<string, string> Registration(string userName, string email, string password = "ein langes Passwort") => new()
    {
        ["Input.UserName"] = userName,
        ["Input.Email"] = email,
        ["Input.Password"] = password,
        ["Input.ConfirmPassword"] = password,
        ["Input.AcceptPrivacy"] = "true",
    };

    /// <summary>Extracts the first link to the given path from a plain-text mail.</summary>
    public static string LinkIn(MimeKit.MimeMessage mail, string path)
    {
        var text = mail.TextBody ?? "";
        var start = text.IndexOf("http", StringComparison.Ordinal);
        while (start >= 0)
        {
            var end = text.IndexOfAny([' ', '\n', '\r'], start);
            var url = end < 0 ? text[start..] : text[start..end];
            if (url.Contains(path, StringComparison.OrdinalIgnoreCase))
            {
                return url;
            }

            start = text.IndexOf("http", start + 1, StringComparison.Ordinal);
        }

        throw new InvalidOperationException($"No link to {path} in mail: {text}");
    }
}
