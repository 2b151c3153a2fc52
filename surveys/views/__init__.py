"""The questionnaires' pages, one module per audience: builder (staff), board and results (staff
and the governor's office), responses (staff and partner members) and respond (the link)."""
