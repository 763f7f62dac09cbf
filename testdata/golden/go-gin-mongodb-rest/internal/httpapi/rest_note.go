package httpapi

import (
	"encoding/json"
	"fmt"
	"net/http"

	"github.com/gin-gonic/gin"

	"github.com/octocat/notes/internal/note"
)

// NotesPath is where the notes are served.
const NotesPath = "/api/v1/notes"

// NoteList is the body of GET NotesPath.
type NoteList struct {
	Items  []note.Note `json:"items"`
	Total  int64       `json:"total"`
	Limit  int64       `json:"limit"`
	Offset int64       `json:"offset"`
}

// notesHandlers serve the notes. Each one records what went wrong
// with c.Error and returns; the problems middleware answers.
type notesHandlers struct {
	store note.Store
}

func addNotesRoutes(v1 *gin.RouterGroup, a *API) {
	h := notesHandlers{store: a.notes}
	g := v1.Group("/notes")
	g.GET("", h.list)
	g.POST("", h.create)
	g.GET("/:id", h.get)
	g.PUT("/:id", h.replace)
	g.PATCH("/:id", h.patch)
	g.DELETE("/:id", h.delete)
}

// fail records err for the problems middleware, which names the note.
func (h notesHandlers) fail(c *gin.Context, err error) {
	_ = c.Error(err).SetMeta("note")
}

// list answers GET NotesPath?limit=&offset=&sort=&<field>=. The query
// goes to note.ParseQuery whole, not through ShouldBindQuery: a repeated
// key (limit=1&limit=2) is a 400 there, where binding would keep the first.
func (h notesHandlers) list(c *gin.Context) {
	q, err := note.ParseQuery(c.Request.URL.Query())
	if err != nil {
		h.fail(c, err)
		return
	}
	items, total, err := h.store.List(c.Request.Context(), q)
	if err != nil {
		h.fail(c, err)
		return
	}
	c.JSON(http.StatusOK, NoteList{Items: items, Total: total, Limit: q.Limit, Offset: q.Offset})
}

// create answers POST NotesPath.
func (h notesHandlers) create(c *gin.Context) {
	var body map[string]json.RawMessage
	if err := c.ShouldBindWith(&body, jsonObject); err != nil {
		h.fail(c, err)
		return
	}
	nb, err := note.DecodeNew(body)
	if err != nil {
		h.fail(c, err)
		return
	}
	v, err := h.store.Create(c.Request.Context(), nb)
	if err != nil {
		h.fail(c, err)
		return
	}
	c.Header("Location", fmt.Sprintf("%s/%v", NotesPath, v.ID))
	c.JSON(http.StatusCreated, v)
}

// get answers GET NotesPath/:id.
func (h notesHandlers) get(c *gin.Context) {
	var uri itemURI
	if err := c.ShouldBindUri(&uri); err != nil {
		h.fail(c, err)
		return
	}
	v, err := h.store.Get(c.Request.Context(), uri.ID)
	if err != nil {
		h.fail(c, err)
		return
	}
	c.JSON(http.StatusOK, v)
}

// replace answers PUT NotesPath/:id: a whole note, with the rules
// of POST.
func (h notesHandlers) replace(c *gin.Context) {
	var uri itemURI
	if err := c.ShouldBindUri(&uri); err != nil {
		h.fail(c, err)
		return
	}
	if _, err := h.store.Get(c.Request.Context(), uri.ID); err != nil {
		h.fail(c, err)
		return
	}
	var body map[string]json.RawMessage
	if err := c.ShouldBindWith(&body, jsonObject); err != nil {
		h.fail(c, err)
		return
	}
	nb, err := note.DecodeNew(body)
	if err != nil {
		h.fail(c, err)
		return
	}
	h.save(c, uri.ID, nb)
}

// patch answers PATCH NotesPath/:id: a JSON merge patch.
func (h notesHandlers) patch(c *gin.Context) {
	var uri itemURI
	if err := c.ShouldBindUri(&uri); err != nil {
		h.fail(c, err)
		return
	}
	cur, err := h.store.Get(c.Request.Context(), uri.ID)
	if err != nil {
		h.fail(c, err)
		return
	}
	var body map[string]json.RawMessage
	if err := c.ShouldBindWith(&body, jsonObject); err != nil {
		h.fail(c, err)
		return
	}
	ub, err := note.DecodeUpdate(body)
	if err != nil {
		h.fail(c, err)
		return
	}
	nb := ub.Apply(cur)
	if err := nb.Validate(); err != nil {
		h.fail(c, err)
		return
	}
	h.save(c, uri.ID, nb)
}

// save stores nb as the note id and answers 200 with it.
func (h notesHandlers) save(c *gin.Context, id string, nb note.NewNote) {
	v, err := h.store.Replace(c.Request.Context(), id, nb)
	if err != nil {
		h.fail(c, err)
		return
	}
	c.JSON(http.StatusOK, v)
}

// delete answers DELETE NotesPath/:id.
func (h notesHandlers) delete(c *gin.Context) {
	var uri itemURI
	if err := c.ShouldBindUri(&uri); err != nil {
		h.fail(c, err)
		return
	}
	if err := h.store.Delete(c.Request.Context(), uri.ID); err != nil {
		h.fail(c, err)
		return
	}
	c.Status(http.StatusNoContent)
}
