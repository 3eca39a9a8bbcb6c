using App.Data;

namespace App.Notes;

public static class NotesEndpoints
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 200;

    public static IEndpointRouteBuilder MapNotes(this IEndpointRouteBuilder routes)
    {
        var notes = routes.MapGroup("/notes").AddEndpointFilter(RequireDatabase);
        notes.MapGet("/", ListAsync);
        notes.MapGet("/{id:long}", GetAsync).WithName("GetNote");
        notes.MapPost("/", CreateAsync);
        return routes;
    }

    private static async ValueTask<object?> RequireDatabase(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var database = context.HttpContext.RequestServices.GetRequiredService<Database>();
        return database.IsConfigured
            ? await next(context)
            : Results.Problem(
                statusCode: StatusCodes.Status503ServiceUnavailable,
                title: "No database is configured",
                detail: "Set DATABASE_URL (or ConnectionStrings__Default) to use the notes endpoints.");
    }

    private static async Task<IResult> ListAsync(NoteStore store, int? limit, CancellationToken cancellationToken)
    {
        var take = limit ?? DefaultLimit;
        if (take is < 1 or > MaxLimit)
        {
            return Results.ValidationProblem(new Dictionary<string, string[]>
            {
                ["limit"] = [$"The limit must be between 1 and {MaxLimit}."],
            });
        }

        return Results.Ok(await store.ListNewestFirstAsync(take, cancellationToken));
    }

    private static async Task<IResult> GetAsync(long id, NoteStore store, CancellationToken cancellationToken) =>
        await store.FindAsync(id, cancellationToken) is { } note
            ? Results.Ok(note)
            : Results.Problem(statusCode: StatusCodes.Status404NotFound, title: $"Note {id} does not exist");

    private static async Task<IResult> CreateAsync(NewNote request, NoteStore store, CancellationToken cancellationToken)
    {
        var errors = request.Validate();
        if (errors.Count > 0)
        {
            return Results.ValidationProblem(errors);
        }

        var note = await store.AddAsync(request.Title!.Trim(), request.Body ?? string.Empty, cancellationToken);
        return Results.CreatedAtRoute("GetNote", new { id = note.Id }, note);
    }
}
