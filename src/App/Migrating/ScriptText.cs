namespace App.Migrating;

/// <summary>A file as read from the assembly or a folder, before it is checked.</summary>
public sealed record ScriptText(string FileName, string Text);
