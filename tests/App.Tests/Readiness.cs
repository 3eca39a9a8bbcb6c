using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace App.Tests;

/// <summary>What /health/ready answered: the status code and the JSON body (status, reason, checks).</summary>
internal sealed record Readiness(HttpStatusCode Status, JsonElement Body)
{
    public static async Task<Readiness> GetAsync(HttpClient client)
    {
        var response = await client.GetAsync(new Uri("/health/ready", UriKind.Relative));
        return new Readiness(response.StatusCode, await response.Content.ReadFromJsonAsync<JsonElement>());
    }
}
