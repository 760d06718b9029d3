using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace Marketplace.Testing;

/// <summary>Reads pages and submits their forms the way a browser without JavaScript would.</summary>
public static class Html
{
    private static readonly HtmlParser Parser = new();

    public static async Task<IHtmlDocument> ParseAsync(HttpResponseMessage response) =>
        await Parser.ParseDocumentAsync(await response.Content.ReadAsStringAsync());

    public static async Task<IHtmlDocument> GetPageAsync(this HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await ParseAsync(response);
    }

    /// <summary>GETs the page, fills the form found by the selector (keeping hidden fields and the antiforgery token) and posts it.</summary>
    public static async Task<HttpResponseMessage> SubmitAsync(this HttpClient client, string pageUrl, string formSelector,
        IDictionary<string, string>? values = null, string? submitterName = null, string? submitterValue = null)
    {
        var page = await client.GetPageAsync(pageUrl);
        var form = page.QuerySelector<IHtmlFormElement>(formSelector) ?? throw new InvalidOperationException($"No form {formSelector} on {pageUrl}.");
        return await client.SubmitAsync(form, pageUrl, values, submitterName, submitterValue);
    }

    public static Task<HttpResponseMessage> SubmitAsync(this HttpClient client, IHtmlFormElement form, string pageUrl,
        IDictionary<string, string>? values = null, string? submitterName = null, string? submitterValue = null)
    {
        var fields = FormFields(form, values, submitterName, submitterValue);
        var action = form.GetAttribute("action");
        var target = string.IsNullOrEmpty(action) ? pageUrl : action;
        return client.PostAsync(target, new FormUrlEncodedContent(fields));
    }

    /// <summary>
    /// Presses a submit button as a browser does: its form's fields go to the button's <c>formaction</c> if it has one,
    /// else to the form's action, with the button's own name and value; <paramref name="values"/> as typed into the form first.
    /// </summary>
    public static Task<HttpResponseMessage> PressAsync(this HttpClient client, IElement button, string pageUrl, IDictionary<string, string>? values = null)
    {
        var form = button.Closest("form") as IHtmlFormElement ?? throw new InvalidOperationException("The button is not inside a form.");
        var name = button.GetAttribute("name");
        var fields = FormFields(form, values, string.IsNullOrEmpty(name) ? null : name, button.GetAttribute("value"));
        var action = button.GetAttribute("formaction") ?? form.GetAttribute("action");
        return client.PostAsync(string.IsNullOrEmpty(action) ? pageUrl : action, new FormUrlEncodedContent(fields));
    }

    /// <summary>As a browser submits a multipart form: the fields, plus files as (field name, file name, content type, bytes).</summary>
    public static async Task<HttpResponseMessage> SubmitWithFilesAsync(this HttpClient client, string pageUrl, string formSelector,
        IDictionary<string, string> values, params (string Field, string FileName, string ContentType, byte[] Data)[] files)
    {
        var page = await client.GetPageAsync(pageUrl);
        var form = page.QuerySelector<IHtmlFormElement>(formSelector) ?? throw new InvalidOperationException($"No form {formSelector} on {pageUrl}.");
        var multipart = new MultipartFormDataContent();
        foreach (var (name, value) in FormFields(form, values, null, null))
        {
            multipart.Add(new StringContent(value), name);
        }

        foreach (var (field, fileName, contentType, data) in files)
        {
            var file = new ByteArrayContent(data);
            file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(contentType);
            multipart.Add(file, field, fileName);
        }

        var action = form.GetAttribute("action");
        return await client.PostAsync(string.IsNullOrEmpty(action) ? pageUrl : action, multipart);
    }

    /// <summary>Posts the form the way htmx does: to its hx-post address, with the HX-Request header.</summary>
    public static Task<HttpResponseMessage> HtmxSubmitAsync(this HttpClient client, IHtmlFormElement form, IDictionary<string, string>? values = null)
    {
        var target = form.GetAttribute("hx-post") ?? throw new InvalidOperationException("The form has no hx-post.");
        var request = new HttpRequestMessage(HttpMethod.Post, target) { Content = new FormUrlEncodedContent(FormFields(form, values, null, null)) };
        request.Headers.Add("HX-Request", "true");
        return client.SendAsync(request);
    }

    private static List<KeyValuePair<string, string>> FormFields(IHtmlFormElement form, IDictionary<string, string>? values,
        string? submitterName, string? submitterValue)
    {
        var fields = new List<KeyValuePair<string, string>>();
        foreach (var element in form.Elements)
        {
            switch (element)
            {
                case IHtmlInputElement input when !string.IsNullOrEmpty(input.Name):
                    if (input.Type is "checkbox" or "radio")
                    {
                        if (input.IsChecked)
                        {
                            fields.Add(new(input.Name, input.Value));
                        }
                    }
                    else if (input.Type is not ("submit" or "button"))
                    {
                        fields.Add(new(input.Name, input.Value));
                    }

                    break;
                case IHtmlSelectElement select when !string.IsNullOrEmpty(select.Name):
                    fields.Add(new(select.Name, select.Value ?? ""));
                    break;
                case IHtmlTextAreaElement area when !string.IsNullOrEmpty(area.Name):
                    fields.Add(new(area.Name, area.Value));
                    break;
            }
        }

        foreach (var (name, value) in values ?? new Dictionary<string, string>())
        {
            fields.RemoveAll(f => f.Key == name);
            // "a|b" sets a multi-valued field (checkbox group) to several values.
            fields.AddRange(value.Split('|').Select(v => new KeyValuePair<string, string>(name, v)));
        }

        if (submitterName is not null)
        {
            fields.Add(new(submitterName, submitterValue ?? ""));
        }

        return fields;
    }

    public static string? FieldError(this IDocument page, string field) =>
        page.QuerySelector($"[data-valmsg-for='{field}']")?.TextContent.Trim() is { Length: > 0 } text ? text : null;

    public static string TestId(this IDocument page, string id) =>
        page.QuerySelector($"[data-testid='{id}']")?.TextContent.Trim() ?? throw new InvalidOperationException($"No element {id}.");
}
