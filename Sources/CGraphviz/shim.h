#include <graphviz/gvc.h>
#include <graphviz/types.h>

// Graphviz exposes laid-out positions only through macros, which Swift cannot call; these inline
// accessors read the same fields. Units are points (1/72 inch), origin at the bottom left.

static inline double sa_graph_width(Agraph_t *g) { return GD_bb(g).UR.x - GD_bb(g).LL.x; }
static inline double sa_graph_height(Agraph_t *g) { return GD_bb(g).UR.y - GD_bb(g).LL.y; }
static inline double sa_graph_left(Agraph_t *g) { return GD_bb(g).LL.x; }
static inline double sa_graph_bottom(Agraph_t *g) { return GD_bb(g).LL.y; }
static inline double sa_node_x(Agnode_t *n) { return ND_coord(n).x; }
static inline double sa_node_y(Agnode_t *n) { return ND_coord(n).y; }

/// Number of points of the first Bézier spline of an edge (0 when the edge was not routed).
static inline int sa_edge_point_count(Agedge_t *e) {
    splines *spl = ED_spl(e);
    return (spl && spl->size > 0) ? spl->list[0].size : 0;
}
static inline double sa_edge_point_x(Agedge_t *e, int i) { return ED_spl(e)->list[0].list[i].x; }
static inline double sa_edge_point_y(Agedge_t *e, int i) { return ED_spl(e)->list[0].list[i].y; }
/// Whether the spline ends in an arrowhead, and where its tip is.
static inline int sa_edge_has_end(Agedge_t *e) { return ED_spl(e)->list[0].eflag; }
static inline double sa_edge_end_x(Agedge_t *e) { return ED_spl(e)->list[0].ep.x; }
static inline double sa_edge_end_y(Agedge_t *e) { return ED_spl(e)->list[0].ep.y; }

/// The directed-graph descriptor, read through a function: Swift treats the global as shared mutable state.
static inline Agdesc_t sa_directed(void) { return Agdirected; }
